namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// 2-D convolution (N, C_in, H, W) → (N, C_out, H_out, W_out), H_out = ⌊(H + 2·padding - dilation·(k-1) - 1)/stride⌋ + 1.
    /// weight (C_out, C_in/groups, kH, kW), bias (C_out); PyTorch's initialisation.
    /// </summary>
    public sealed class Conv2d : ConvNd
    {
        public Conv2d(long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
            SizeArg dilation = default, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null)
            : base(2, transposed: false, in_channels, out_channels, kernel_size, stride, padding, dilation, 0L, groups, bias, padding_mode, device, dtype)
        {
        }

        private protected override Tensor Convolve(Tensor input, long[] padding) =>
            torch.nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 2-D convolution layer (N, C_in, H, W) → (N, C_out, H_out, W_out).</summary>
            public static Modules.Conv2d Conv2d(long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
                SizeArg dilation = default, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, device, dtype);
        }
    }
}
