using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookDL.Text;

/// <summary>
/// fastai's tokenizer rules, each a pure function. Pre-rules rewrite the raw text before it is split into words;
/// post-rules rewrite the list of words. Together they let a model see "THIS" and "This" as the word "this" plus a
/// marker, and "!!!!!!" as "!" repeated 6 times, instead of as rare words of their own.
/// </summary>
public static partial class TextRules
{
    /// <summary>HTML entities and line breaks of scraped text (<c>&lt;br /&gt;</c>, <c>&amp;amp;</c>, <c>&amp;#39;</c>) as plain text.</summary>
    public static string FixHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withBreaks = BreakTag().Replace(text, "\n");
        return WebUtility.HtmlDecode(withBreaks).Replace("\\n", "\n", StringComparison.Ordinal).Replace('\u00a0', ' ');
    }

    /// <summary>A character repeated 3 times or more → <c> xxrep N c </c> ("cooool" → "c xxrep 4 o l").</summary>
    public static string ReplaceRep(string text) =>
        CharacterRepeat().Replace(text, m => $" {SpecialTokens.Rep} {m.Length} {m.Groups[1].Value} ");

    /// <summary>A word repeated 3 times or more → <c> xxwrep N word </c>.</summary>
    public static string ReplaceWrep(string text) =>
        WordRepeat().Replace(text, m =>
        {
            var count = m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + 2;
            return $" {SpecialTokens.Wrep} {count} {m.Groups[1].Value} ";
        });

    /// <summary>Spaces around <c>/</c> and <c>#</c>, so that "km/h" and "#1" split.</summary>
    public static string SpecAddSpaces(string text) => SlashOrHash().Replace(text, " $1 ");

    /// <summary>Runs of spaces as one.</summary>
    public static string RemoveUselessSpaces(string text) => Spaces().Replace(text, " ");

    /// <summary>A word in capitals (two letters or more) → <c>xxup</c> and the word in lower case.</summary>
    public static List<string> ReplaceAllCaps(IEnumerable<string> tokens)
    {
        var result = new List<string>();
        foreach (var t in tokens)
        {
            if (t.Length > 1 && IsUpper(t)) result.AddRange([SpecialTokens.Up, t.ToLowerInvariant()]);
            else result.Add(t);
        }
        return result;
    }

    /// <summary>A capitalised word ("Emma", "I") → <c>xxmaj</c> and the word in lower case; every other word lower-cased.</summary>
    public static List<string> ReplaceMaj(IEnumerable<string> tokens)
    {
        var result = new List<string>();
        foreach (var t in tokens)
        {
            if (t.Length > 0 && char.IsUpper(t[0]) && (t.Length == 1 || IsLower(t.AsSpan(1)))) result.Add(SpecialTokens.Maj);
            result.Add(t.StartsWith("xx", StringComparison.Ordinal) && SpecialTokens.All.Contains(t) ? t : t.ToLowerInvariant());
        }
        return result;
    }

    // Python's str.isupper / islower: at least one cased character, and no cased character of the other case.
    private static bool IsUpper(ReadOnlySpan<char> s)
    {
        var cased = false;
        foreach (var c in s)
        {
            if (char.IsLower(c)) return false;
            cased |= char.IsUpper(c);
        }
        return cased;
    }

    private static bool IsLower(ReadOnlySpan<char> s)
    {
        var cased = false;
        foreach (var c in s)
        {
            if (char.IsUpper(c)) return false;
            cased |= char.IsLower(c);
        }
        return cased;
    }

    [GeneratedRegex(@"<\s*br\s*/?\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"(\S)\1{2,}")]
    private static partial Regex CharacterRepeat();

    [GeneratedRegex(@"(?<=\s|^)(\w+)\s+((?:\1\s+)+)\1(?=\s|\W|$)")]
    private static partial Regex WordRepeat();

    [GeneratedRegex(@"([/#\\])")]
    private static partial Regex SlashOrHash();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
