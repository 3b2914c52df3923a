namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// In training mode zeroes whole channels of (N, C, H, W) with probability p and scales the rest by 1/(1-p); the identity in eval
    /// mode. Any shape → same shape.
    /// </summary>
    public sealed class Dropout2d : Module<Tensor, Tensor>
    {
        public Dropout2d(double p = 0.5)
        {
            if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability has to be between 0 and 1.");
            this.p = p;
        }

        public double p { get; }

        public override Tensor forward(Tensor input) => torch.nn.functional.dropout2d(input, p, training);

        public override string extra_repr() => $"p={p}, inplace=False";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Dropout2d Dropout2d(double p = 0.5) => new(p);
        }
    }
}
