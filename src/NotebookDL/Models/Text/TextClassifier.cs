namespace NotebookDL.Models;

/// <summary>
/// ULMFiT's classifier: an <see cref="AwdLstm"/> encoder (a language model's, fine-tuned) reads each document in
/// chunks of <c>bptt</c> tokens, carrying its hidden state from chunk to chunk; the outputs over the last
/// <c>maxLen</c> tokens are pooled three ways — the last step, the maximum and the mean over the real (non-padding)
/// tokens — and the concatenation goes through two BatchNorm-Dropout-Linear blocks (fastai's
/// <c>PoolingLinearClassifier</c>: 3·emb → 50 → classes). Documents are padded at the front with <c>padId</c>, so the
/// last step is always the document's last token.
/// </summary>
public sealed class TextClassifier : nn.Module<Tensor, Tensor>
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

    public override Tensor forward(Tensor words)
    {
        if (words.ndim != 2) throw new ArgumentException($"TextClassifier expects token ids (batch, length), got [{string.Join(", ", words.shape)}].", nameof(words));
        using var scope = torch.NewDisposeScope();
        var length = words.shape[1];
        encoder.Reset();
        var outputs = new List<Tensor>();
        for (long start = 0; start < length; start += bptt)
        {
            var chunk = encoder.call(words.narrow(1, start, Math.Min(bptt, length - start)));
            if (start + bptt > length - maxLen) outputs.Add(chunk);
        }
        encoder.Reset();
        var all = torch.cat(outputs, 1);                                   // (bs, kept, emb)
        var kept = all.shape[1];
        var isPad = words.narrow(1, length - kept, kept).eq(padId).unsqueeze(-1);   // (bs, kept, 1)
        var last = all.select(1, kept - 1);
        var max = all.masked_fill(isPad, double.NegativeInfinity).max(1).values;
        var realTokens = isPad.logical_not().sum(1).to(all.dtype).clamp_min(1);
        var mean = all.masked_fill(isPad, 0).sum(1) / realTokens;
        return head.call(torch.cat([last, max, mean], 1)).MoveToOuterDisposeScope();
    }
}
