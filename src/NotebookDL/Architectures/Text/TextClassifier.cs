namespace NotebookDL.Architectures;

/// <summary>
/// ULMFiT's classifier: an <see cref="AwdLstm"/> encoder (a language model's, fine-tuned) reads each document in
/// chunks of <c>bptt</c> tokens, carrying its hidden state from chunk to chunk; the outputs over each document's last
/// <c>maxLen</c> tokens are pooled three ways — the document's last token, the maximum and the mean over its real
/// (non-padding) tokens — and the concatenation goes through two BatchNorm-Dropout-Linear blocks (fastai's
/// <c>PoolingLinearClassifier</c>: 3·emb → 50 → classes). Documents are padded at the end with <c>padId</c>: the encoder
/// reads each one from its first token in the state it starts language-model text in, and, being causal, never lets the
/// padding after a document change that document's outputs — so a prediction does not depend on the batch. (fastai
/// pads in front and skips all-padding chunks; padding at the end gives the same outputs without that bookkeeping.)
/// </summary>
public sealed class TextClassifier : nn.Module<Tensor, Tensor>, IRnnActivations
{
    private readonly AwdLstm encoder;
    private readonly Sequential head;
    private readonly int bptt;
    private readonly long padId;
    private readonly int maxLen;

    /// <param name="encoder">The encoder, usually a language model's (<see cref="LanguageModel.Encoder"/>).</param>
    /// <param name="nClasses">Outputs (class scores).</param>
    /// <param name="bptt">Tokens read per step of the encoder.</param>
    /// <param name="padId">The padding token's id (xxpad is 1).</param>
    /// <param name="maxLen">Only the last this-many tokens' outputs are pooled (the hidden state still reads it all).</param>
    /// <param name="hidden">Width of the head's hidden layer.</param>
    /// <param name="ps">Dropout before each of the head's two linear layers.</param>
    public TextClassifier(AwdLstm encoder, int nClasses, int bptt = 72, long padId = 1, int maxLen = 72 * 20, int hidden = 50, (double First, double Second)? ps = null)
        : base(nameof(TextClassifier))
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (nClasses < 2) throw new ArgumentOutOfRangeException(nameof(nClasses), nClasses, "A classifier needs at least 2 classes.");
        Check.Positive(bptt, nameof(bptt));
        Check.Positive(maxLen, nameof(maxLen));
        var (p1, p2) = ps ?? (0.4, 0.1);
        (this.encoder, this.bptt, this.padId, this.maxLen) = (encoder, bptt, padId, maxLen);
        head = nn.Sequential([
            .. Models.LinBnDrop(3 * encoder.EmbSize, hidden, bn: true, p1, nn.ReLU(), linFirst: false),
            .. Models.LinBnDrop(hidden, nClasses, bn: true, p2, act: null, linFirst: false)]);
        RegisterComponents();
    }

    /// <summary>The encoder (layer groups: its embedding and each LSTM layer; then the head).</summary>
    public AwdLstm Encoder => encoder;

    /// <summary>The pooling classifier on top of the encoder.</summary>
    public Sequential Head => head;

    /// <summary>The encoder's outputs at the kept positions (padding included, as fastai's), in training.</summary>
    public Tensor? RawOutput { get; private set; }

    /// <summary>The same tensor as <see cref="RawOutput"/>: the classifier has no output dropout before its pooling.</summary>
    public Tensor? DroppedOutput => RawOutput;

    public override Tensor forward(Tensor words)
    {
        if (words.ndim != 2) throw new ArgumentException($"TextClassifier expects token ids (batch, length), got [{string.Join(", ", words.shape)}].", nameof(words));
        using var scope = torch.NewDisposeScope();
        var length = words.shape[1];
        var lengths = words.ne(padId).sum(1);                              // (bs) real tokens per document
        // Pooled positions: a document's last maxLen real tokens. Chunks that end before any document's window are
        // read (they carry the hidden state) but their outputs are not kept.
        var firstPooled = Math.Max(0, lengths.min().item<long>() - maxLen);
        var keptFrom = firstPooled / bptt * bptt;                          // start of the chunk holding firstPooled
        encoder.Reset();
        var outputs = new List<Tensor>();
        for (long start = 0; start < length; start += bptt)
        {
            var chunk = encoder.call(words.narrow(1, start, Math.Min(bptt, length - start)));
            if (start >= keptFrom) outputs.Add(chunk);
        }
        encoder.Reset();
        var all = torch.cat(outputs, 1);                                   // (bs, kept, emb), positions keptFrom..length-1
        RawOutput = training ? all.MoveToOuterDisposeScope() : null;
        var positions = torch.arange(keptFrom, length, device: words.device).unsqueeze(0);     // (1, kept)
        var end = lengths.unsqueeze(1);
        var pooled = positions.lt(end).logical_and(positions.ge(end - maxLen)).unsqueeze(-1);  // (bs, kept, 1)
        var last = all.gather(1, (end - 1 - keptFrom).unsqueeze(-1).expand(-1, 1, all.shape[2])).squeeze(1);
        var max = all.masked_fill(pooled.logical_not(), double.NegativeInfinity).max(1).values;
        var mean = all.masked_fill(pooled.logical_not(), 0).sum(1) / pooled.sum(1).to(all.dtype).clamp_min(1);
        return head.call(torch.cat([last, max, mean], 1)).MoveToOuterDisposeScope();
    }
}
