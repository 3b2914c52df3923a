using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>
/// Moving a trained language model to a corpus with another vocabulary (ULMFiT's second stage; fastai's
/// <c>load_pretrained</c> with <c>match_embeds</c>): a token both vocabularies share keeps its trained embedding row
/// and decoder bias, a token new to the model starts at the mean of the trained rows.
/// </summary>
public sealed partial class LanguageModelLearner
{
    private const string EmbeddingKey = "encoder.encoder.weight";
    private const string DecoderBiasKey = "decoder.bias";

    /// <summary>
    /// Loads a language model's state dict (saved with <c>PyTorchFiles.Save(lm.Model.state_dict(), path)</c>) whose
    /// token ids are <paramref name="pretrainedVocab"/>'s into this language model learner, whose data has its own
    /// vocabulary. The LSTM weights are taken as they are, so the sizes must match.
    /// </summary>
    public void LoadPretrained(string path, IReadOnlyList<string> pretrainedVocab)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(pretrainedVocab);
        if (!File.Exists(path)) throw new FileNotFoundException($"Pretrained language model not found: '{path}'. Save one with PyTorchFiles.Save(Model.state_dict(), path).", path);
        using var scope = torch.NewDisposeScope();
        var state = Serialization.PyTorchFiles.Load(path);
        foreach (var key in new[] { EmbeddingKey, DecoderBiasKey })
            if (!state.ContainsKey(key)) throw new ArgumentException($"'{path}' has no \"{key}\": it is not a LanguageModel's state dict.", nameof(path));
        if (state[EmbeddingKey].shape[0] != pretrainedVocab.Count)
            throw new ArgumentException($"The saved model has {state[EmbeddingKey].shape[0]:N0} embedding rows but the vocabulary given has {pretrainedVocab.Count:N0} tokens: pass the vocabulary it was trained on.", nameof(pretrainedVocab));
        var newVocab = Dls.Numericalize.Vocab;
        state[EmbeddingKey] = MatchRows(state[EmbeddingKey], pretrainedVocab, newVocab);
        state[DecoderBiasKey] = MatchRows(state[DecoderBiasKey], pretrainedVocab, newVocab);
        Serialization.StateDicts.Load(Model, state);
    }

    /// <summary>
    /// Rows of <paramref name="weights"/> (one per token of <paramref name="oldVocab"/>) re-ordered to
    /// <paramref name="newVocab"/>: a shared token's row is copied, a new token's is the mean of all old rows.
    /// Works for an embedding matrix (vocab, dim) and a bias vector (vocab).
    /// </summary>
    public static Tensor MatchRows(Tensor weights, IReadOnlyList<string> oldVocab, IReadOnlyList<string> newVocab)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.shape[0] != oldVocab.Count)
            throw new ArgumentException($"{weights.shape[0]:N0} rows for a vocabulary of {oldVocab.Count:N0} tokens.", nameof(weights));
        var oldIndex = new Dictionary<string, long>(oldVocab.Count, StringComparer.Ordinal);
        for (var i = 0; i < oldVocab.Count; i++) oldIndex.TryAdd(oldVocab[i], i);
        using var scope = torch.NewDisposeScope();
        var mean = weights.mean([0], keepdim: true);
        // Index oldVocab.Count (one past the last row) stands for "new token" and picks the appended mean row.
        var extended = torch.cat([weights, mean], 0);
        var source = newVocab.Select(t => oldIndex.TryGetValue(t, out var i) ? i : oldVocab.Count).ToArray();
        return extended.index_select(0, torch.tensor(source)).MoveToOuterDisposeScope();
    }
}
