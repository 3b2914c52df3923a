namespace NotebookDL.Torch.Modules
{
    /// <summary>Flattens dims start_dim..end_dim into one: (N, C, H, W) → (N, C·H·W) with the defaults (1, -1).</summary>
    public sealed class Flatten(long start_dim = 1, long end_dim = -1) : Module<Tensor, Tensor>
    {
        public long start_dim { get; } = start_dim;

        public long end_dim { get; } = end_dim;

        public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);

        public override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        }
    }
}
