namespace NotebookDL.Torch.Modules
{
    /// <summary>Hyperbolic tangent. Element-wise: any shape → same shape.</summary>
    public sealed class Tanh() : Module<Tensor, Tensor>
    {

        public override Tensor forward(Tensor input) => torch.nn.functional.tanh(input);

        public override string extra_repr() => "";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Hyperbolic tangent.</summary>
            public static Modules.Tanh Tanh() => new();
        }
    }
}
