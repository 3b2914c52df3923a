namespace NotebookDL.Text;

/// <summary>
/// fastai's <c>Numericalize</c>: the vocabulary of a tokenized corpus (the special tokens first, then every token seen
/// at least <c>minFreq</c> times, most frequent first, at most <c>maxVocab</c> of them, padded with <c>xxfake</c> to a
/// multiple of 8), and the mapping of tokens to indices and back. Unknown tokens map to <c>xxunk</c> (index 0).
/// </summary>
public sealed class Numericalize
{
    private readonly Dictionary<string, int> index;

    private Numericalize(IReadOnlyList<string> vocab)
    {
        Vocab = vocab;
        index = new Dictionary<string, int>(vocab.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocab.Count; i++) index.TryAdd(vocab[i], i);
    }

    /// <summary>Tokens by index.</summary>
    public IReadOnlyList<string> Vocab { get; }

    /// <summary>The index of xxpad in every vocabulary (the special tokens come first, in fastai's order).</summary>
    public const long PadId = 1;

    /// <summary>Builds the vocabulary from token lists (e.g. <see cref="Tokenizer.TokenizeAll"/>'s).</summary>
    /// <param name="documents">Each document's tokens.</param>
    /// <param name="minFreq">Tokens seen fewer times become xxunk.</param>
    /// <param name="maxVocab">At most this many entries besides the special tokens.</param>
    public static Numericalize FromTokens(IEnumerable<IReadOnlyList<string>> documents, int minFreq = 3, int maxVocab = 60_000)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Check.Positive(minFreq, nameof(minFreq));
        Check.Positive(maxVocab, nameof(maxVocab));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
            foreach (var token in document)
                counts[token] = counts.GetValueOrDefault(token) + 1;
        var specials = SpecialTokens.All.ToHashSet(StringComparer.Ordinal);
        var frequent = counts.Where(kv => kv.Value >= minFreq && !specials.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(maxVocab).Select(kv => kv.Key);
        var vocab = new List<string>(SpecialTokens.All);
        vocab.AddRange(frequent);
        // fastai pads the vocabulary to a multiple of 8 (matrix sizes the hardware likes).
        for (var i = 0; vocab.Count % 8 != 0; i++) vocab.Add($"xxfake{(i == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        return new Numericalize(vocab);
    }

    /// <summary>A vocabulary saved earlier (<see cref="Vocab"/>), e.g. the language model's for its classifier.</summary>
    public static Numericalize FromVocab(IReadOnlyList<string> vocab)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        if (vocab.Count < SpecialTokens.All.Count || !SpecialTokens.All.SequenceEqual(vocab.Take(SpecialTokens.All.Count)))
            throw new ArgumentException($"A vocabulary starts with the special tokens {string.Join(" ", SpecialTokens.All)}.", nameof(vocab));
        return new Numericalize([.. vocab]);
    }

    /// <summary>The index of each token (0, xxunk, for tokens not in the vocabulary).</summary>
    public long[] Encode(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new long[tokens.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = index.GetValueOrDefault(tokens[i], 0);
        return ids;
    }

    /// <summary>The tokens of <paramref name="ids"/>.</summary>
    public List<string> DecodeTokens(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Select(id => id >= 0 && id < Vocab.Count ? Vocab[(int)id]
            : throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token index {id} is outside the vocabulary of {Vocab.Count}.")).ToList();
    }

    /// <summary>The tokens of <paramref name="ids"/> joined by spaces (fastai's decode).</summary>
    public string Decode(IEnumerable<long> ids) => string.Join(' ', DecodeTokens(ids));

    /// <summary>How many of <paramref name="tokens"/> the vocabulary does not know.</summary>
    public int CountUnknown(IEnumerable<string> tokens) => tokens.Count(t => !index.ContainsKey(t) || t == SpecialTokens.Unk);

    public override string ToString() => $"Numericalize: {Vocab.Count:N0} tokens ({string.Join(" ", Vocab.Skip(SpecialTokens.All.Count).Take(10))} ...)";
}
