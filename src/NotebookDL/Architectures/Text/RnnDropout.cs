namespace NotebookDL.Architectures;

/// <summary>
/// AWD-LSTM's variational dropout: one mask per sequence and feature, the same at every time step (dropping a
/// feature at some steps only would let the recurrence fill it back in). Input (bs, seq, features); identity in eval.
/// </summary>
public sealed class RnnDropout : nn.Module<Tensor, Tensor>
{
    public RnnDropout(double p) : base(nameof(RnnDropout))
    {
        if (p is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "A dropout probability is in [0, 1).");
        P = p;
    }

    public double P { get; }

    public override Tensor forward(Tensor x)
    {
        if (!training || P == 0) return x.alias();
        using var scope = torch.NewDisposeScope();
        var mask = torch.empty(x.shape[0], 1, x.shape[2], dtype: x.dtype, device: x.device).bernoulli_(1 - P).div_(1 - P);
        return (x * mask).MoveToOuterDisposeScope();
    }
}
