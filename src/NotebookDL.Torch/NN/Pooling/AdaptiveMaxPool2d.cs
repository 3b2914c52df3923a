namespace NotebookDL.Torch.Modules
{
    /// <summary>Maximum over adaptive windows: (N, C, H, W) → (N, C, output_size) for any H, W (e.g. output_size 1 before a head).</summary>
    public sealed class AdaptiveMaxPool2d(SizeArg output_size) : Module<Tensor, Tensor>
    {
        public long[] output_size { get; } = output_size.Expand(2, nameof(output_size), 0);

        public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_max_pool2d(input, output_size);

        public override string extra_repr() => $"output_size={MaxPool2d.Show(output_size)}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.AdaptiveMaxPool2d AdaptiveMaxPool2d(SizeArg output_size) => new(output_size);
        }
    }
}
