namespace NotebookDL.Torch.Modules;

/// <summary>
/// What every convolution layer shares (PyTorch's _ConvNd): argument checks, the weight/bias parameters and their
/// initialisation, non-"zeros" padding modes, and the printed form. Subclasses only say which functional op to call.
/// Weight shape: (C_out, C_in/groups, k...) or, transposed, (C_in, C_out/groups, k...); bias (C_out).
/// </summary>
public abstract class ConvNd : Module<Tensor, Tensor>
{
    private protected ConvNd(int dims, bool transposed, long in_channels, long out_channels, SizeArg kernel_size, SizeArg stride,
        SizeArg padding, SizeArg dilation, SizeArg output_padding, long groups, bool bias, string padding_mode, Device? device, ScalarType? dtype)
    {
        ConvInit.CheckGroups(Positive(in_channels, nameof(in_channels)), Positive(out_channels, nameof(out_channels)), groups);
        (this.in_channels, this.out_channels, this.groups) = (in_channels, out_channels, groups);
        this.kernel_size = kernel_size.Expand(dims, nameof(kernel_size), 0);
        foreach (var k in this.kernel_size) Positive(k, nameof(kernel_size));
        this.stride = stride.Expand(dims, nameof(stride), 1);
        this.padding = padding.Expand(dims, nameof(padding), 0);
        this.dilation = dilation.Expand(dims, nameof(dilation), 1);
        this.output_padding = output_padding.Expand(dims, nameof(output_padding), 0);
        this.padding_mode = ConvInit.CheckPaddingMode(padding_mode);
        if (transposed && padding_mode != "zeros")
            throw new ArgumentException($"Transposed convolutions only support padding_mode \"zeros\", got \"{padding_mode}\".", nameof(padding_mode));
        long[] weightShape = transposed
            ? [in_channels, out_channels / groups, .. this.kernel_size]
            : [out_channels, in_channels / groups, .. this.kernel_size];
        register_parameter("weight", NewParameter(weightShape, dtype, device));
        register_parameter("bias", bias ? NewParameter([out_channels], dtype, device) : null);
        reset_parameters();
    }

    public long in_channels { get; }
    public long out_channels { get; }
    public long[] kernel_size { get; }
    public long[] stride { get; }
    public long[] padding { get; }
    public long[] dilation { get; }
    public long[] output_padding { get; }
    public long groups { get; }
    public string padding_mode { get; }

    public Tensor weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }

    public Tensor? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

    public void reset_parameters() => ConvInit.Reset(weight, bias);

    /// <summary>The functional convolution with the given (already decided) padding.</summary>
    private protected abstract Tensor Convolve(Tensor input, long[] padding);

    public override Tensor forward(Tensor input)
    {
        if (padding_mode == "zeros") return Convolve(input, padding);
        // Other modes pad explicitly, then convolve without padding, as PyTorch does.
        using var padded = torch.nn.functional.pad(input, ConvInit.PadArgument(padding), padding_mode);
        return Convolve(padded, new long[padding.Length]);
    }

    public override string extra_repr() =>
        $"{in_channels}, {out_channels}, kernel_size={ConvInit.Tuple(kernel_size)}, stride={ConvInit.Tuple(stride)}" +
        (padding.Any(p => p != 0) ? $", padding={ConvInit.Tuple(padding)}" : "") +
        (output_padding.Any(p => p != 0) ? $", output_padding={ConvInit.Tuple(output_padding)}" : "") +
        (dilation.Any(d => d != 1) ? $", dilation={ConvInit.Tuple(dilation)}" : "") +
        (groups != 1 ? $", groups={groups}" : "") + (bias is null ? ", bias=False" : "") +
        (padding_mode != "zeros" ? $", padding_mode={padding_mode}" : "");
}
