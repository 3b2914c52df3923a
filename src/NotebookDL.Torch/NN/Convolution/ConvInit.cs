namespace NotebookDL.Torch.Modules;

/// <summary>PyTorch's reset_parameters of every convolution: kaiming_uniform_(a: √5) weight, U(±1/√fan_in) bias.</summary>
internal static class ConvInit
{
    public static void Reset(Tensor weight, Tensor? bias)
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        var (fanIn, _) = torch.nn.init.calculate_fan_in_and_fan_out(weight);
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        torch.nn.init.uniform_(bias, -bound, bound);
    }

    public static void CheckGroups(long inChannels, long outChannels, long groups)
    {
        if (groups < 1) throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be at least 1.");
        if (inChannels % groups != 0) throw new ArgumentException($"in_channels ({inChannels}) must be divisible by groups ({groups}).", nameof(groups));
        if (outChannels % groups != 0) throw new ArgumentException($"out_channels ({outChannels}) must be divisible by groups ({groups}).", nameof(groups));
    }

    /// <summary>Non-"zeros" padding modes pad explicitly before a convolution with no padding, as PyTorch does.</summary>
    public static string CheckPaddingMode(string mode) => mode is "zeros" or "reflect" or "replicate" ? mode
        : throw new ArgumentException($"padding_mode must be \"zeros\", \"reflect\" or \"replicate\", got \"{mode}\".", nameof(mode));

    /// <summary>F.pad's argument for symmetric per-dimension padding (last dimension first).</summary>
    public static long[] PadArgument(long[] padding)
    {
        var result = new long[padding.Length * 2];
        for (var i = 0; i < padding.Length; i++) result[2 * i] = result[2 * i + 1] = padding[padding.Length - 1 - i];
        return result;
    }

    public static string Tuple(long[] values) => values.Length == 1 ? $"({values[0]},)" : $"({string.Join(", ", values)})";
}
