using System.Text;

namespace NotebookDL.Text;

/// <summary>
/// Tokens back to readable text: the rules' markers undone (<c>xxmaj</c> capitalises the next word, <c>xxup</c> writes it
/// in capitals, <c>xxrep</c>/<c>xxwrep</c> repeat), <c>xxbos</c>/<c>xxeos</c>/<c>xxpad</c> dropped, and no space before closing
/// punctuation and clitics ("do n't" → "don't").
/// </summary>
public static class Detokenizer
{
    private static readonly HashSet<string> Attached = [".", ",", ";", ":", "!", "?", ")", "]", "}", "n't", "'s", "'re", "'ll", "'ve", "'m", "'d", "...", "%"];
    private static readonly HashSet<string> Opening = ["(", "[", "{", "$", "#"];

    public static string Detokenize(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            switch (t)
            {
                case SpecialTokens.Bos or SpecialTokens.Eos or SpecialTokens.Pad:
                    continue;
                case SpecialTokens.Maj or SpecialTokens.Up or SpecialTokens.Rep or SpecialTokens.Wrep when i + 1 == tokens.Count:
                    continue;   // a marker with nothing after it (generation stopped there)
                case SpecialTokens.Maj or SpecialTokens.Up when SpecialTokens.All.Contains(tokens[i + 1]):
                    continue;   // a marker before another marker (a generated "xxmaj xxmaj it"): the next one decides
                case SpecialTokens.Maj when i + 1 < tokens.Count:
                    words.Add(Capitalise(tokens[++i]));
                    continue;
                case SpecialTokens.Up when i + 1 < tokens.Count:
                    words.Add(tokens[++i].ToUpperInvariant());
                    continue;
                case SpecialTokens.Rep when i + 2 < tokens.Count && int.TryParse(tokens[i + 1], out var n):
                    words.Add(string.Concat(Enumerable.Repeat(tokens[i + 2], Math.Clamp(n, 1, 100))));
                    i += 2;
                    continue;
                case SpecialTokens.Wrep when i + 2 < tokens.Count && int.TryParse(tokens[i + 1], out var m):
                    words.AddRange(Enumerable.Repeat(tokens[i + 2], Math.Clamp(m, 1, 100)));
                    i += 2;
                    continue;
                default:
                    words.Add(t);
                    continue;
            }
        }
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0 && !IsClosing(words[i]) && !Opening.Contains(words[i - 1])) text.Append(' ');
            text.Append(words[i]);
        }
        return text.ToString();
    }

    private static bool IsClosing(string word) => Attached.Contains(word) || word.Length > 0 && word.All(c => c is '.' or ',' or ';' or ':' or '!' or '?');

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
