namespace NotebookDL.Text;

/// <summary>
/// fastai's word tokenizer: pre-rules on the raw text (<see cref="TextRules.FixHtml"/>, <see cref="TextRules.ReplaceRep"/>,
/// <see cref="TextRules.ReplaceWrep"/>, <see cref="TextRules.SpecAddSpaces"/>, <see cref="TextRules.RemoveUselessSpaces"/>),
/// <see cref="WordSplitter.Split"/>, then post-rules on the words (<see cref="TextRules.ReplaceAllCaps"/>,
/// <see cref="TextRules.ReplaceMaj"/>, which also lower-cases), with <c>xxbos</c> in front of every document.
/// </summary>
/// <example><code>Tokenizer.Default.Tokenize("The CAT sat!!!") // xxbos xxmaj the xxup cat sat xxrep 3 !</code></example>
public sealed class Tokenizer
{
    /// <summary>The rules above, as fastai's defaults.</summary>
    public static Tokenizer Default { get; } = new(
        [TextRules.FixHtml, TextRules.ReplaceRep, TextRules.ReplaceWrep, TextRules.SpecAddSpaces, TextRules.RemoveUselessSpaces],
        [TextRules.ReplaceAllCaps, TextRules.ReplaceMaj]);

    /// <param name="preRules">Text → text rules, applied in order.</param>
    /// <param name="postRules">Words → words rules, applied in order.</param>
    /// <param name="addBos">Start every document with <c>xxbos</c>.</param>
    public Tokenizer(IEnumerable<Func<string, string>> preRules, IEnumerable<Func<IEnumerable<string>, List<string>>> postRules, bool addBos = true)
    {
        PreRules = [.. preRules];
        PostRules = [.. postRules];
        AddBos = addBos;
    }

    public IReadOnlyList<Func<string, string>> PreRules { get; }

    public IReadOnlyList<Func<IEnumerable<string>, List<string>>> PostRules { get; }

    public bool AddBos { get; }

    /// <summary>One document's tokens.</summary>
    public List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rule in PreRules) text = rule(text);
        IEnumerable<string> words = WordSplitter.Split(text);
        var tokens = words as List<string> ?? [.. words];
        foreach (var rule in PostRules) tokens = rule(tokens);
        if (AddBos) tokens.Insert(0, SpecialTokens.Bos);
        return tokens;
    }

    /// <summary>Every document's tokens, in order; documents are tokenized in parallel on all cores.</summary>
    public List<string>[] TokenizeAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < texts.Count; i++)
            if (texts[i] is null) throw new ArgumentException($"Text {i} is null; fill or drop missing texts first.", nameof(texts));
        var result = new List<string>[texts.Count];
        Parallel.For(0, texts.Count, i => result[i] = Tokenize(texts[i]));
        return result;
    }
}
