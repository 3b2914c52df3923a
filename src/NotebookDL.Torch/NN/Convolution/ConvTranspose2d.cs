namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Transposed 2-D convolution (N, C_in, H, W) → (N, C_out, H_out, W_out) with
    /// H_out = (H-1)·stride - 2·padding + dilation·(kH-1) + output_padding + 1. weight (C_in, C_out/groups, kH, kW), bias (C_out).
    /// </summary>
    public sealed class ConvTranspose2d : ConvNd
    {
        public ConvTranspose2d(long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
            SizeArg output_padding = default, long groups = 1, bool bias = true, SizeArg dilation = default, Device? device = null, ScalarType? dtype = null)
            : base(2, transposed: true, in_channels, out_channels, kernel_size, stride, padding, dilation, output_padding, groups, bias, "zeros", device, dtype)
        {
        }

        private protected override Tensor Convolve(Tensor input, long[] padding) =>
            torch.nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation);
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A transposed 2-D convolution (upsampling) layer.</summary>
            public static Modules.ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride = default,
                SizeArg padding = default, SizeArg output_padding = default, long groups = 1, bool bias = true, SizeArg dilation = default,
                Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias, dilation, device, dtype);
        }
    }
}
