namespace NotebookDL.Text;

/// <summary>fastai's special tokens: what the tokenizer's rules insert, and the vocabulary's reserved entries.</summary>
public static class SpecialTokens
{
    /// <summary>A word not in the vocabulary.</summary>
    public const string Unk = "xxunk";

    /// <summary>Padding (classification batches of documents of different lengths).</summary>
    public const string Pad = "xxpad";

    /// <summary>Beginning of a document.</summary>
    public const string Bos = "xxbos";

    /// <summary>End of a document.</summary>
    public const string Eos = "xxeos";

    /// <summary>Separates fields of a document with several text columns.</summary>
    public const string Fld = "xxfld";

    /// <summary>A character repeated: <c>xxrep 4 !</c> for "!!!!".</summary>
    public const string Rep = "xxrep";

    /// <summary>A word repeated: <c>xxwrep 3 very</c> for "very very very".</summary>
    public const string Wrep = "xxwrep";

    /// <summary>The next word was in capitals ("WOW" → <c>xxup wow</c>).</summary>
    public const string Up = "xxup";

    /// <summary>The next word was capitalised ("Emma" → <c>xxmaj emma</c>).</summary>
    public const string Maj = "xxmaj";

    /// <summary>The reserved vocabulary entries, in fastai's order (xxunk at 0, xxpad at 1).</summary>
    public static IReadOnlyList<string> All { get; } = [Unk, Pad, Bos, Eos, Fld, Rep, Wrep, Up, Maj];
}
