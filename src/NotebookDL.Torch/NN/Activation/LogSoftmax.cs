namespace NotebookDL.Torch.Modules
{
    /// <summary>log(softmax(x)) along dim, computed stably. Element-wise: any shape → same shape.</summary>
    public sealed class LogSoftmax(long dim) : Module<Tensor, Tensor>
    {
        public long dim { get; } = dim;

        public override Tensor forward(Tensor input) => torch.nn.functional.log_softmax(input, dim);

        public override string extra_repr() => $"dim={dim}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>log(softmax(x)) along dim, computed stably.</summary>
            public static Modules.LogSoftmax LogSoftmax(long dim) => new(dim);
        }
    }
}
