namespace NotebookDL.Architectures;

/// <summary>
/// One LSTM layer, batch first, with PyTorch's parameter names and gate order (input, forget, cell, output), written
/// with TorchSharp's tensor operations instead of libtorch's fused LSTM so that its hidden-to-hidden weight can be
/// dropped out (AWD-LSTM's DropConnect): with <see cref="WeightDropout"/> &gt; 0, each training forward pass draws one
/// dropout mask over <c>weight_hh_l0</c> and uses it at every time step, and the gradient reaches the raw weight
/// through the mask. The whole sequence is one autograd node (<see cref="LstmFunction"/>): the input projection of all
/// time steps is one matrix product, the recurrence one per step, and each weight's gradient one product over all steps.
/// </summary>
public sealed class LstmLayer : nn.Module<Tensor, Tensor, Tensor, (Tensor Output, Tensor H, Tensor C)>
{
    private readonly Parameter weight_ih_l0;
    private readonly Parameter weight_hh_l0;
    private readonly Parameter bias_ih_l0;
    private readonly Parameter bias_hh_l0;

    /// <param name="inputSize">Features per input step.</param>
    /// <param name="hiddenSize">Features of the hidden state and of each output step.</param>
    /// <param name="weightDropout">Dropout probability on the hidden-to-hidden weights (training only).</param>
    public LstmLayer(long inputSize, long hiddenSize, double weightDropout = 0) : base(nameof(LstmLayer))
    {
        Check.Positive(inputSize, nameof(inputSize));
        Check.Positive(hiddenSize, nameof(hiddenSize));
        if (weightDropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(weightDropout), weightDropout, "A dropout probability is in [0, 1).");
        (InputSize, HiddenSize, WeightDropout) = (inputSize, hiddenSize, weightDropout);
        // PyTorch's initialisation: every weight and bias uniform in ±1/sqrt(hidden).
        var bound = 1 / Math.Sqrt(hiddenSize);
        weight_ih_l0 = new Parameter(torch.empty(4 * hiddenSize, inputSize).uniform_(-bound, bound));
        weight_hh_l0 = new Parameter(torch.empty(4 * hiddenSize, hiddenSize).uniform_(-bound, bound));
        bias_ih_l0 = new Parameter(torch.empty(4 * hiddenSize).uniform_(-bound, bound));
        bias_hh_l0 = new Parameter(torch.empty(4 * hiddenSize).uniform_(-bound, bound));
        RegisterComponents();
    }

    public long InputSize { get; }

    public long HiddenSize { get; }

    public double WeightDropout { get; }

    /// <summary>
    /// Runs the layer over <paramref name="x"/> (bs, seq, input) from the state (<paramref name="h"/>, <paramref name="c"/>),
    /// each (bs, hidden). Returns the outputs (bs, seq, hidden) and the final state. Call it through <c>call</c>, so
    /// forward hooks (<see cref="NotebookDL.Learning.ModelSummary"/>'s among them) see it.
    /// </summary>
    public override (Tensor Output, Tensor H, Tensor C) forward(Tensor x, Tensor h, Tensor c)
    {
        if (x.ndim != 3 || x.shape[2] != InputSize)
            throw new ArgumentException($"LstmLayer expects input (batch, sequence, {InputSize}), got [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = torch.NewDisposeScope();
        var weightHh = training && WeightDropout > 0 ? nn.functional.dropout(weight_hh_l0, WeightDropout, training: true) : (Tensor)weight_hh_l0;
        var results = LstmFunction.apply(x, h, c, weight_ih_l0, weightHh, bias_ih_l0 + bias_hh_l0);
        return (results[0].MoveToOuterDisposeScope(), results[1].MoveToOuterDisposeScope(), results[2].MoveToOuterDisposeScope());
    }
}
