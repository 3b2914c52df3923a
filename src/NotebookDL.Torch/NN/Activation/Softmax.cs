namespace NotebookDL.Torch.Modules
{
    /// <summary>exp(x)/Σexp(x) along dim. Element-wise: any shape → same shape.</summary>
    public sealed class Softmax(long dim) : Module<Tensor, Tensor>
    {
        public long dim { get; } = dim;

        public override Tensor forward(Tensor input) => torch.nn.functional.softmax(input, dim);

        public override string extra_repr() => $"dim={dim}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>exp(x)/Σexp(x) along dim.</summary>
            public static Modules.Softmax Softmax(long dim) => new(dim);
        }
    }
}
