namespace NotebookDL.Torch.Modules
{
    /// <summary>Mean over kernel windows: (N, C, H, W) → (N, C, H_out, W_out). stride defaults to kernel_size.</summary>
    public sealed class AvgPool2d(SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default, bool ceil_mode = false,
        bool count_include_pad = true, long? divisor_override = null) : Module<Tensor, Tensor>
    {
        public long[] kernel_size { get; } = kernel_size.Expand(2, nameof(kernel_size), 0);
        public long[] stride { get; } = stride.Expand(2, nameof(stride), kernel_size);
        public long[] padding { get; } = padding.Expand(2, nameof(padding), 0);
        public bool ceil_mode { get; } = ceil_mode;
        public bool count_include_pad { get; } = count_include_pad;
        public long? divisor_override { get; } = divisor_override;

        public override Tensor forward(Tensor input) =>
            torch.nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

        public override string extra_repr() =>
            $"kernel_size={MaxPool2d.Show(kernel_size)}, stride={MaxPool2d.Show(stride)}, padding={MaxPool2d.Show(padding)}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.AvgPool2d AvgPool2d(SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) => new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);
        }
    }
}
