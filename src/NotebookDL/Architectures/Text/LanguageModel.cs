namespace NotebookDL.Architectures;

/// <summary>
/// A language model: an <see cref="AwdLstm"/> encoder and a linear decoder to one score per vocabulary token, whose
/// weight is the encoder's embedding (weight tying: a word's input and output vectors are one vector, which saves
/// parameters and helps rare words), with output dropout before it. Input (bs, seq) ids; output (bs, seq, vocab) scores
/// for the next token at each position.
/// </summary>
public sealed class LanguageModel : nn.Module<Tensor, Tensor>, IRnnActivations
{
    private readonly AwdLstm encoder;
    private readonly Dropout output_dp;
    private readonly TiedDecoder decoder;

    public LanguageModel(AwdLstm encoder, double outputP = 0.1) : base(nameof(LanguageModel))
    {
        ArgumentNullException.ThrowIfNull(encoder);
        this.encoder = encoder;
        output_dp = nn.Dropout(outputP);
        decoder = new TiedDecoder(encoder.Encoder);
        RegisterComponents();
    }

    /// <summary>The AWD-LSTM, which a text classifier reuses.</summary>
    public AwdLstm Encoder => encoder;

    /// <summary>The decoder's own parameter (its weight is the encoder's embedding).</summary>
    public Parameter DecoderBias => decoder.Bias;

    public Tensor? RawOutput { get; private set; }

    public Tensor? DroppedOutput { get; private set; }

    public override Tensor forward(Tensor words)
    {
        using var scope = torch.NewDisposeScope();
        var raw = encoder.call(words);
        var dropped = output_dp.call(raw);
        (RawOutput, DroppedOutput) = training ? (raw.MoveToOuterDisposeScope(), dropped.MoveToOuterDisposeScope()) : (null, null);
        return decoder.call(dropped).MoveToOuterDisposeScope();
    }

    /// <summary>Forgets the encoder's hidden state.</summary>
    public void Reset() => encoder.Reset();
}
