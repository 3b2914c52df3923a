namespace NotebookDL.Architectures;

/// <summary>
/// A linear layer that borrows its weight from an embedding (weight tying): one score per vocabulary token from the
/// dot product of the input with that token's embedding row, plus its own bias. Only the bias is this module's
/// parameter, so a state dict holds the shared weight once, under the embedding. A module of its own (rather than a
/// functional call in the language model) so that hooks and <see cref="NotebookDL.Learning.ModelSummary"/> see the
/// decoder, usually the largest layer of a language model.
/// </summary>
public sealed class TiedDecoder : nn.Module<Tensor, Tensor>
{
    // A delegate, not an Embedding field: RegisterComponents would register a module field as a second owner.
    private readonly Func<Tensor> _weight;
    private readonly Parameter bias;

    /// <param name="embedding">The embedding whose weight (vocab, features) the decoder uses.</param>
    public TiedDecoder(Embedding embedding) : base(nameof(TiedDecoder))
    {
        ArgumentNullException.ThrowIfNull(embedding);
        _weight = () => embedding.weight!;
        var shape = embedding.weight!.shape;
        (OutFeatures, InFeatures) = (shape[0], shape[1]);
        bias = new Parameter(torch.zeros(OutFeatures, dtype: embedding.weight.dtype));
        RegisterComponents();
    }

    /// <summary>Features of each input vector (the embedding width).</summary>
    public long InFeatures { get; }

    /// <summary>Scores per input vector (the vocabulary size).</summary>
    public long OutFeatures { get; }

    /// <summary>The decoder's own parameter: one bias per token.</summary>
    public Parameter Bias => bias;

    public override Tensor forward(Tensor x) => nn.functional.linear(x, _weight(), bias);
}
