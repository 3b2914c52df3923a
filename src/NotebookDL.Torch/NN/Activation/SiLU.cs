namespace NotebookDL.Torch.Modules
{
    /// <summary>x·sigmoid(x) (swish). Element-wise: any shape → same shape.</summary>
    public sealed class SiLU() : Module<Tensor, Tensor>
    {

        public override Tensor forward(Tensor input) => torch.nn.functional.silu(input);

        public override string extra_repr() => "";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>x·sigmoid(x) (swish).</summary>
            public static Modules.SiLU SiLU() => new();
        }
    }
}
