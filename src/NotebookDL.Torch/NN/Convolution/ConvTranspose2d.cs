namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Transposed 2-D convolution (N, C_in, H, W) → (N, C_out, H_out, W_out) with
    /// H_out = (H-1)·stride - 2·padding + dilation·(kH-1) + output_padding + 1. weight (C_in, C_out/groups, kH, kW), bias (C_out).
    /// </summary>
    public sealed class ConvTranspose2d : Module<Tensor, Tensor>
    {
        public ConvTranspose2d(long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
            SizeArg output_padding = default, long groups = 1, bool bias = true, SizeArg dilation = default, Device? device = null, ScalarType? dtype = null)
        {
            ConvInit.CheckGroups(Positive(in_channels, nameof(in_channels)), Positive(out_channels, nameof(out_channels)), groups);
            (this.in_channels, this.out_channels, this.groups) = (in_channels, out_channels, groups);
            this.kernel_size = kernel_size.Expand(2, nameof(kernel_size), 0);
            foreach (var k in this.kernel_size) Positive(k, nameof(kernel_size));
            this.stride = stride.Expand(2, nameof(stride), 1);
            this.padding = padding.Expand(2, nameof(padding), 0);
            this.output_padding = output_padding.Expand(2, nameof(output_padding), 0);
            this.dilation = dilation.Expand(2, nameof(dilation), 1);
            register_parameter("weight", NewParameter([in_channels, out_channels / groups, .. this.kernel_size], dtype, device));
            register_parameter("bias", bias ? NewParameter([out_channels], dtype, device) : null);
            reset_parameters();
        }

        public long in_channels { get; }
        public long out_channels { get; }
        public long[] kernel_size { get; }
        public long[] stride { get; }
        public long[] padding { get; }
        public long[] output_padding { get; }
        public long[] dilation { get; }
        public long groups { get; }

        public Tensor weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }

        public Tensor? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

        public void reset_parameters() => ConvInit.Reset(weight, bias);

        public override Tensor forward(Tensor input) =>
            torch.nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation);

        public override string extra_repr() =>
            $"{in_channels}, {out_channels}, kernel_size={ConvInit.Tuple(kernel_size)}, stride={ConvInit.Tuple(stride)}" +
            (padding.Any(p => p != 0) ? $", padding={ConvInit.Tuple(padding)}" : "") +
            (output_padding.Any(p => p != 0) ? $", output_padding={ConvInit.Tuple(output_padding)}" : "") +
            (dilation.Any(d => d != 1) ? $", dilation={ConvInit.Tuple(dilation)}" : "") +
            (groups != 1 ? $", groups={groups}" : "") + (bias is null ? ", bias=False" : "");
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
