namespace NotebookDL.Text;

/// <summary>
/// Splits text into words and punctuation, as spaCy's English tokenizer does for ordinary prose (what fastai uses):
/// words keep inner apostrophes, hyphens and decimal points ("well-known", "3.5"), every other symbol is a token of
/// its own, and English contractions split off their clitic ("don't" → "do" "n't", "Emma's" → "Emma" "'s").
/// Whitespace separates and is dropped.
/// </summary>
public static class WordSplitter
{
    private static readonly string[] Clitics = ["'s", "'re", "'ll", "'ve", "'m", "'d"];

    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                // Symbols are single tokens, except that runs of the same one ("...", "--") stay together.
                var run = i + 1;
                while (run < text.Length && text[run] == c && (c == '.' || c == '-')) run++;
                tokens.Add(text[i..run]);
                i = run;
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || IsJoiner(text, end))) end++;
            AddWord(tokens, text[i..end]);
            i = end;
        }
        return tokens;
    }

    // An apostrophe, hyphen or period inside a word (letters or digits on both sides) belongs to it.
    private static bool IsJoiner(string text, int at) =>
        text[at] is '\'' or '\u2019' or '-' or '.' && at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1]) && char.IsLetterOrDigit(text[at - 1])
        && (text[at] != '.' || char.IsDigit(text[at - 1]) && char.IsDigit(text[at + 1]));

    private static void AddWord(List<string> tokens, string word)
    {
        word = word.Replace('\u2019', '\'');
        if (word.Length > 3 && word.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
        {
            tokens.Add(word[..^3]);
            tokens.Add(word[^3..]);
            return;
        }
        foreach (var clitic in Clitics)
            if (word.Length > clitic.Length && word.EndsWith(clitic, StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(word[..^clitic.Length]);
                tokens.Add(word[^clitic.Length..]);
                return;
            }
        tokens.Add(word);
    }
}
