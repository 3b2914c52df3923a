namespace NotebookDL.Torch.Modules
{
    /// <summary>Maximum over kernel windows: (N, C, H, W) → (N, C, H_out, W_out). stride defaults to kernel_size.</summary>
    public sealed class MaxPool2d(SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default, SizeArg dilation = default, bool ceil_mode = false)
        : Module<Tensor, Tensor>
    {
        public long[] kernel_size { get; } = kernel_size.Expand(2, nameof(kernel_size), 0);
        public long[] stride { get; } = stride.Expand(2, nameof(stride), kernel_size);
        public long[] padding { get; } = padding.Expand(2, nameof(padding), 0);
        public long[] dilation { get; } = dilation.Expand(2, nameof(dilation), 1);
        public bool ceil_mode { get; } = ceil_mode;

        public override Tensor forward(Tensor input) => torch.nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);

        public override string extra_repr() =>
            $"kernel_size={Show(kernel_size)}, stride={Show(stride)}, padding={Show(padding)}, dilation={Show(dilation)}, ceil_mode={Py(ceil_mode)}";

        // PyTorch prints the argument as given; a square size is shown as one number.
        internal static string Show(long[] v) => v[0] == v[1] ? v[0].ToString() : $"({v[0]}, {v[1]})";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.MaxPool2d MaxPool2d(SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default, SizeArg dilation = default,
                bool ceil_mode = false) => new(kernel_size, stride, padding, dilation, ceil_mode);
        }
    }
}
