namespace NotebookDL.Torch.Modules
{
    /// <summary>x for x ≥ 0, negative_slope·x otherwise. Element-wise: any shape → same shape.</summary>
    public sealed class LeakyReLU(double negative_slope = 0.01) : Module<Tensor, Tensor>
    {
        public double negative_slope { get; } = negative_slope;

        public override Tensor forward(Tensor input) => torch.nn.functional.leaky_relu(input, negative_slope);

        public override string extra_repr() => $"negative_slope={negative_slope}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>x for x ≥ 0, negative_slope·x otherwise.</summary>
            public static Modules.LeakyReLU LeakyReLU(double negative_slope = 0.01) => new(negative_slope);
        }
    }
}
