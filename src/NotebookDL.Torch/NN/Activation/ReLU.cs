namespace NotebookDL.Torch.Modules
{
    /// <summary>max(0, x). Element-wise: any shape → same shape.</summary>
    public sealed class ReLU() : Module<Tensor, Tensor>
    {

        public override Tensor forward(Tensor input) => torch.nn.functional.relu(input);

        public override string extra_repr() => "";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>max(0, x).</summary>
            public static Modules.ReLU ReLU() => new();
        }
    }
}
