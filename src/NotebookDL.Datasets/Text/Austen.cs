using System.Text;
using NotebookDL.Data;

namespace NotebookDL.Text;

/// <summary>One paragraph of a novel, with where it stands.</summary>
public sealed record Paragraph(string Book, int Chapter, string Text);

/// <summary>Jane Austen's six novels (<see cref="RDatasets.AustenNovels"/>) as paragraphs, chapter by chapter.</summary>
public static class Austen
{
    /// <summary>
    /// Every paragraph of the six novels in reading order: printed lines joined, blank lines ending a paragraph,
    /// "Chapter N" / "CHAPTER N" headings starting a chapter (and not kept as text). Front matter before the first
    /// chapter is left out.
    /// </summary>
    public static IReadOnlyList<Paragraph> Paragraphs(string? cacheDir = null)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var (book, path) in RDatasets.AustenNovels(cacheDir))
        {
            var lines = Csv.Read(path).Column("x");
            var chapter = 0;
            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length > 0 && chapter > 0) paragraphs.Add(new Paragraph(book, chapter, current.ToString()));
                current.Clear();
            }
            for (long i = 0; i < lines.Length; i++)
            {
                var line = (lines[i] as string)?.Trim() ?? "";
                if (line.Length == 0)
                {
                    Flush();
                    continue;
                }
                if (line.StartsWith("chapter ", StringComparison.OrdinalIgnoreCase) && line.Split(' ').Length <= 3)
                {
                    Flush();
                    chapter++;
                    continue;
                }
                if (current.Length > 0) current.Append(' ');
                current.Append(line);
            }
            Flush();
        }
        return paragraphs;
    }
}
