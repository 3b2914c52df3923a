using System.Text;

namespace NotebookDL.Display.Magics;

/// <summary>A parsed <c>#!name arg1 "arg two"</c> line.</summary>
/// <param name="Name">The magic name.</param>
/// <param name="Arguments">Arguments with quotes removed.</param>
public sealed record MagicLine(string Name, IReadOnlyList<string> Arguments)
{
    private const string Prefix = "#!";

    /// <summary>
    /// Parses one line. Returns false if it is not a magic line at all. Arguments split on whitespace;
    /// "double" or 'single' quotes group words; inside double quotes \" and \\ escape.
    /// </summary>
    /// <exception cref="FormatException">The line is a magic but its quoting is broken (names the column).</exception>
    public static bool TryParse(string line, out MagicLine? magic)
    {
        ArgumentNullException.ThrowIfNull(line);
        magic = null;
        var text = line.Trim();
        // The name must follow "#!" directly: "#! text" is an ordinary comment-like line, not a magic.
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length || char.IsWhiteSpace(text[Prefix.Length])) return false;

        var words = Split(text[Prefix.Length..], line);
        if (words.Count == 0 || !IsValidName(words[0])) return false;
        magic = new MagicLine(words[0], words.Skip(1).ToList());
        return true;
    }

    /// <summary>
    /// Splits a cell into its leading magic lines and the remaining code. Blank lines between magics are skipped;
    /// the first non-magic line starts the body.
    /// </summary>
    public static (IReadOnlyList<MagicLine> Magics, string Body) ParseCell(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var lines = cell.Replace("\r\n", "\n").Split('\n');
        var magics = new List<MagicLine>();
        var i = 0;
        for (; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (!TryParse(lines[i], out var magic)) break;
            magics.Add(magic!);
        }
        return (magics, string.Join("\n", lines.Skip(i)));
    }

    private static bool IsValidName(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    private static List<string> Split(string text, string originalLine)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        var quoteStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else if (quote is null && c is '"' or '\'')
            {
                quote = c;
                quoteStart = i;
                inWord = true;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote == '"' && c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                current.Append(text[++i]);
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
        {
            throw new FormatException($"Unterminated {quote} quote starting at column {quoteStart + 3} in magic line: {originalLine.Trim()}");
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
