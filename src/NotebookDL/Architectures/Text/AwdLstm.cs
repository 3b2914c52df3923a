namespace NotebookDL.Architectures;

/// <summary>
/// AWD-LSTM (Merity et al. 2017), the encoder of ULMFiT, as fastai builds it: an embedding with embedding dropout,
/// input dropout, <c>nLayers</c> LSTM layers (the last one back to the embedding size, so the decoder can share the
/// embedding's weights) with weight dropout on their hidden-to-hidden weights and hidden dropout between them.
/// Input (bs, seq) token ids; output (bs, seq, embSize), the last layer's outputs.
/// <para>
/// Its hidden state carries over from one batch to the next (so consecutive batches of a row read as one text) but is
/// detached after every batch: gradients stop at the batch boundary (truncated backpropagation through time).
/// <see cref="Reset"/> starts from zeros again (the Learner does so at the start of each training and validation pass).
/// </para>
/// </summary>
public sealed class AwdLstm : nn.Module<Tensor, Tensor>
{
    private readonly Embedding encoder;
    private readonly ModuleList<LstmLayer> rnns;
    private readonly RnnDropout input_dp;
    private readonly ModuleList<RnnDropout> hidden_dps;
    private List<(Tensor H, Tensor C)>? hidden;

    /// <param name="vocabSize">Token ids are below this.</param>
    /// <param name="embSize">Embedding width (and the last layer's output width).</param>
    /// <param name="nHidden">Hidden width of the other layers.</param>
    /// <param name="nLayers">LSTM layers.</param>
    /// <param name="hiddenP">Dropout between layers.</param>
    /// <param name="inputP">Dropout on the embeddings fed to the first layer.</param>
    /// <param name="embedP">Embedding dropout (whole words).</param>
    /// <param name="weightP">Weight dropout on each layer's hidden-to-hidden weights.</param>
    /// <param name="initRange">Embedding weights start uniform in ±initRange (fastai: 0.1). Larger values give the first
    /// layer a stronger input signal: measured on Austen (vocabulary 7,368, 128/256, 80 AdamW steps of 64 x 70 tokens),
    /// ±0.1 left the model at unigram level (held-out perplexity 344; PyTorch's same model 348) where ±1 reached 127 (PyTorch 170).</param>
    public AwdLstm(long vocabSize, long embSize = 400, long nHidden = 1152, int nLayers = 3, double hiddenP = 0.2, double inputP = 0.6,
        double embedP = 0.1, double weightP = 0.5, double initRange = 0.1) : base(nameof(AwdLstm))
    {
        Check.Positive(vocabSize, nameof(vocabSize));
        Check.Positive(embSize, nameof(embSize));
        Check.Positive(nHidden, nameof(nHidden));
        Check.Positive(nLayers, nameof(nLayers));
        (VocabSize, EmbSize, NHidden, NLayers) = (vocabSize, embSize, nHidden, nLayers);
        encoder = nn.Embedding(vocabSize, embSize);
        if (!(initRange > 0)) throw new ArgumentOutOfRangeException(nameof(initRange), initRange, "The embedding range must be positive.");
        using (torch.no_grad()) encoder.weight!.uniform_(-initRange, initRange);
        if (embedP is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(embedP), embedP, "A dropout probability is in [0, 1).");
        EmbedP = embedP;
        rnns = nn.ModuleList(Enumerable.Range(0, nLayers)
            .Select(l => new LstmLayer(l == 0 ? embSize : nHidden, l == nLayers - 1 ? embSize : nHidden, weightP)).ToArray());
        input_dp = new RnnDropout(inputP);
        hidden_dps = nn.ModuleList(Enumerable.Range(0, nLayers).Select(_ => new RnnDropout(hiddenP)).ToArray());
        RegisterComponents();
    }

    public long VocabSize { get; }

    public long EmbSize { get; }

    public long NHidden { get; }

    public int NLayers { get; }

    /// <summary>Embedding dropout: the probability that a word's whole embedding row is zeroed for a batch.</summary>
    public double EmbedP { get; }

    /// <summary>The embedding (its weight is what a tied decoder shares).</summary>
    public Embedding Encoder => encoder;

    /// <summary>The LSTM layers, first to last (for freezing and layer groups).</summary>
    public IReadOnlyList<LstmLayer> Layers => [.. rnns];

    public override Tensor forward(Tensor words)
    {
        if (words.ndim != 2 || words.dtype != ScalarType.Int64)
            throw new ArgumentException($"AwdLstm expects int64 token ids (batch, sequence), got {words.dtype} [{string.Join(", ", words.shape)}].", nameof(words));
        var bs = words.shape[0];
        if (hidden is null || hidden[0].H.shape[0] != bs) StartFromZeros(bs, words.device);
        using var scope = torch.NewDisposeScope();
        var output = input_dp.call(Embed(words));
        var next = new List<(Tensor H, Tensor C)>(NLayers);
        for (var l = 0; l < NLayers; l++)
        {
            var (o, h, c) = rnns[l].call(output, hidden![l].H, hidden[l].C);
            // Detached: the next batch starts from these values, but its gradient stops here.
            next.Add((h.detach().DetachFromDisposeScope(), c.detach().DetachFromDisposeScope()));
            output = l == NLayers - 1 ? o : hidden_dps[l].call(o);
        }
        DisposeHidden();
        hidden = next;
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The embeddings of <paramref name="words"/>, with embedding dropout in training: whole rows of the embedding matrix
    /// zeroed (the rest scaled by 1 / (1 - p)) with one mask per batch, so a dropped word is missing everywhere in it.
    /// </summary>
    private Tensor Embed(Tensor words)
    {
        // In eval mode, the embedding module itself, so forward hooks (the summary's among them) see the lookup; the
        // values are the same as the row selection below, whose gradient training keeps.
        if (!training) return encoder.call(words);
        using var scope = torch.NewDisposeScope();
        var weight = (Tensor)encoder.weight!;
        if (EmbedP > 0)
            weight = weight * torch.empty(weight.shape[0], 1, dtype: weight.dtype, device: weight.device).bernoulli_(1 - EmbedP).div_(1 - EmbedP);
        // An embedding lookup written as a row selection of the (masked) matrix: TorchSharp has no functional embedding.
        return weight.index_select(0, words.reshape(-1)).reshape([.. words.shape, weight.shape[1]]).MoveToOuterDisposeScope();
    }

    /// <summary>Forgets the hidden state: the next batch starts from zeros.</summary>
    public void Reset() => DisposeHidden();

    private void StartFromZeros(long bs, Device device)
    {
        DisposeHidden();
        var dtype = encoder.weight!.dtype;
        hidden = rnns.Select(r => (torch.zeros(bs, r.HiddenSize, dtype: dtype, device: device).DetachFromDisposeScope(),
            torch.zeros(bs, r.HiddenSize, dtype: dtype, device: device).DetachFromDisposeScope())).ToList();
    }

    private void DisposeHidden()
    {
        if (hidden is null) return;
        foreach (var (h, c) in hidden)
        {
            h.Dispose();
            c.Dispose();
        }
        hidden = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeHidden();
        base.Dispose(disposing);
    }
}
