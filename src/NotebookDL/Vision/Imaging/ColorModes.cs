namespace NotebookDL.Vision;

/// <summary>
/// The colour modes an <see cref="Image"/> can be converted to, named as in PIL: "L" (8-bit gray), "RGB", "RGBA".
/// </summary>
public static class ColorModes
{
    public const string Gray = "L";
    public const string Rgb = "RGB";
    public const string Rgba = "RGBA";

    /// <summary>The channel count of <paramref name="mode"/>; throws for a mode we cannot produce.</summary>
    public static int Channels(string mode) => mode switch
    {
        Gray => 1,
        Rgb => 3,
        Rgba => 4,
        _ => throw new ArgumentException($"Unknown colour mode \"{mode}\"; use \"L\" (gray), \"RGB\" or \"RGBA\".", nameof(mode)),
    };

    /// <summary>The PIL-style mode name of an image with <paramref name="channels"/> interleaved channels.</summary>
    public static string Of(int channels) => channels switch
    {
        1 => Gray,
        2 => "LA",
        3 => Rgb,
        4 => Rgba,
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 to 4 channels."),
    };

    /// <summary>Converts interleaved pixels between channel layouts, with PIL's rules (ITU-R 601-2 luma, alpha dropped, gray replicated).</summary>
    internal static byte[] Convert(ReadOnlySpan<byte> source, int pixelCount, int fromChannels, int toChannels)
    {
        var result = new byte[pixelCount * toChannels];
        for (var i = 0; i < pixelCount; i++)
        {
            var s = source.Slice(i * fromChannels, fromChannels);
            var d = result.AsSpan(i * toChannels, toChannels);
            var hasColor = fromChannels >= 3;
            byte alpha = fromChannels is 2 or 4 ? s[fromChannels - 1] : (byte)255;
            if (toChannels == 1)
            {
                d[0] = hasColor ? Luma(s[0], s[1], s[2]) : s[0];
                continue;
            }
            d[0] = s[0];
            d[1] = hasColor ? s[1] : s[0];
            d[2] = hasColor ? s[2] : s[0];
            if (toChannels == 4) d[3] = alpha;
        }
        return result;
    }

    // PIL's fixed-point L = R*299/1000 + G*587/1000 + B*114/1000, rounded; matching it keeps decoded pixels
    // identical to what fastai (PIL) would feed a model.
    private static byte Luma(byte r, byte g, byte b) => (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
}
