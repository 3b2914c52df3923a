namespace NotebookDL.Torch.Modules
{
    /// <summary>1/(1+exp(-x)). Element-wise: any shape → same shape.</summary>
    public sealed class Sigmoid() : Module<Tensor, Tensor>
    {

        public override Tensor forward(Tensor input) => torch.nn.functional.sigmoid(input);

        public override string extra_repr() => "";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>1/(1+exp(-x)).</summary>
            public static Modules.Sigmoid Sigmoid() => new();
        }
    }
}
