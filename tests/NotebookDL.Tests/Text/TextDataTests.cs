using NotebookDL.Data;
using NotebookDL.Tabular.Tests;
using NotebookDL.Text;

namespace NotebookDL.Tests.Text;

/// <summary>The text lessons' real data, exported from Debian's R packages: read as pandas reads the same files.</summary>
public sealed class TextDataTests
{
    [Fact]
    public void The_fine_food_reviews_read_as_pandas_reads_them()
    {
        var (train, test) = RDatasets.FineFoods();
        foreach (var path in new[] { train, test })
            PandasFrames.AssertSame(PandasFrames.Run("dump(pd.read_csv(sys.argv[1]))", path), Csv.Read(path));
    }

    [Fact]
    public void Austen_paragraphs_follow_the_printed_lines()
    {
        var paragraphs = Austen.Paragraphs();
        Assert.Equal(6, paragraphs.Select(p => p.Book).Distinct().Count());
        var pride = paragraphs.Where(p => p.Book == "prideprejudice").ToList();
        Assert.Equal(61, pride.Max(p => p.Chapter));   // Pride and Prejudice has 61 chapters
        Assert.Equal("It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.", pride[0].Text);
        // Every non-blank line after the first chapter heading is in exactly one paragraph: compare word counts with Python.
        var words = PythonProcess.Run("""
            import csv, sys
            rows = [r[0] for r in csv.reader(open(sys.argv[1]))][1:]
            start = next(i for i, r in enumerate(rows) if r.lower().startswith('chapter '))
            print(sum(len(r.split()) for r in rows[start:] if not (r.lower().startswith('chapter ') and len(r.split()) <= 3)))
            """, RDatasets.AustenNovels()["prideprejudice"]);
        Assert.Equal(int.Parse(words.Trim()), pride.Sum(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }
}
