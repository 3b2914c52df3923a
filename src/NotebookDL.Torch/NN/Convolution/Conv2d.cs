namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// 2-D convolution (N, C_in, H, W) → (N, C_out, H_out, W_out), H_out = ⌊(H + 2·padding - dilation·(k-1) - 1)/stride⌋ + 1.
    /// weight (C_out, C_in/groups, kH, kW), bias (C_out); PyTorch's initialisation.
    /// </summary>
    public sealed class Conv2d : Module<Tensor, Tensor>
    {
        public Conv2d(long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
            SizeArg dilation = default, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null)
        {
            ConvInit.CheckGroups(Positive(in_channels, nameof(in_channels)), Positive(out_channels, nameof(out_channels)), groups);
            (this.in_channels, this.out_channels, this.groups) = (in_channels, out_channels, groups);
            this.kernel_size = kernel_size.Expand(2, nameof(kernel_size), 0);
            foreach (var k in this.kernel_size) Positive(k, nameof(kernel_size));
            this.stride = stride.Expand(2, nameof(stride), 1);
            this.padding = padding.Expand(2, nameof(padding), 0);
            this.dilation = dilation.Expand(2, nameof(dilation), 1);
            this.padding_mode = ConvInit.CheckPaddingMode(padding_mode);
            register_parameter("weight", NewParameter([out_channels, in_channels / groups, .. this.kernel_size], dtype, device));
            register_parameter("bias", bias ? NewParameter([out_channels], dtype, device) : null);
            reset_parameters();
        }

        public long in_channels { get; }
        public long out_channels { get; }
        public long[] kernel_size { get; }
        public long[] stride { get; }
        public long[] padding { get; }
        public long[] dilation { get; }
        public long groups { get; }
        public string padding_mode { get; }

        public Tensor weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }

        public Tensor? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

        public void reset_parameters() => ConvInit.Reset(weight, bias);

        public override Tensor forward(Tensor input)
        {
            if (padding_mode == "zeros")
                return torch.nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
            using var padded = torch.nn.functional.pad(input, ConvInit.PadArgument(padding), padding_mode);
            return torch.nn.functional.conv2d(padded, weight, bias, stride, 0L, dilation, groups);
        }

        public override string extra_repr() =>
            $"{in_channels}, {out_channels}, kernel_size={ConvInit.Tuple(kernel_size)}, stride={ConvInit.Tuple(stride)}" +
            (padding.Any(p => p != 0) ? $", padding={ConvInit.Tuple(padding)}" : "") +
            (dilation.Any(d => d != 1) ? $", dilation={ConvInit.Tuple(dilation)}" : "") +
            (groups != 1 ? $", groups={groups}" : "") + (bias is null ? ", bias=False" : "") +
            (padding_mode != "zeros" ? $", padding_mode={padding_mode}" : "");
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
