namespace NotebookDL.Display.Imaging;

/// <summary>Turns raw pixels (or a matrix of values) into a displayable image/png bundle.</summary>
public static class ImageBundle
{
    /// <summary>
    /// PNG-encodes interleaved 8-bit pixels and returns a bundle with base64 image/png, its size as metadata,
    /// and a text/plain description for hosts that cannot show images.
    /// </summary>
    /// <param name="pixels">Interleaved 8-bit samples, row-major, top row first.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">1 (gray), 3 (RGB) or 4 (RGBA).</param>
    /// <param name="description">Optional caption used as text/plain.</param>
    public static MimeBundle FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int channels, string? description = null)
    {
        var png = PngEncoder.Encode(pixels, width, height, channels);
        var kind = channels switch { 1 => "gray", 3 => "RGB", _ => "RGBA" };
        var bundle = MimeBundle.PlainText(description ?? $"Image {width}x{height} {kind}")
            .With(MimeBundle.ImagePng, Convert.ToBase64String(png));
        bundle.Metadata[MimeBundle.ImagePng] = new Dictionary<string, object> { ["width"] = width, ["height"] = height };
        return bundle;
    }

    /// <summary>
    /// Renders a row-major matrix of values (<c>height * width</c>) through <paramref name="colorMap"/>
    /// (viridis by default), scaled from its own minimum to maximum, as an RGB image.
    /// </summary>
    public static MimeBundle FromValues(ReadOnlySpan<double> values, int width, int height, ColorMap? colorMap = null, string? description = null)
    {
        if (values.Length != width * height)
        {
            throw new ArgumentException($"Expected {width * height} values for {width}x{height}, got {values.Length}.", nameof(values));
        }
        var map = colorMap ?? ColorMap.Viridis;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }
        var rgb = new byte[values.Length * 3];
        for (var i = 0; i < values.Length; i++)
        {
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = map.Map(values[i], min, max);
        }
        return FromPixels(rgb, width, height, 3, description ?? $"Image {width}x{height} ({map.Name}, {min:G4}..{max:G4})");
    }
}
