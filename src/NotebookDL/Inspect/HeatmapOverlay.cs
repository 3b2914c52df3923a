using NotebookDL.Display;
using NotebookDL.Display.Imaging;
using NotebookDL.Vision;

namespace NotebookDL.Inspect;

/// <summary>A heatmap drawn over its picture (fastai's <c>show_heatmap</c>: the image, then the map in magma at some transparency).</summary>
public static class HeatmapOverlay
{
    // Small pictures (28x28) are enlarged before the map is laid over them, so that the bilinear map looks smooth
    // rather than a 7x7 mosaic; the picture itself is enlarged by nearest neighbour and stays crisp.
    private const int MinSide = 160;

    /// <summary>
    /// <paramref name="image"/> blended with <paramref name="map"/> (any (h, w) map, resized bilinearly to the picture and
    /// scaled from 0 to its maximum) through <paramref name="colorMap"/> (magma by default) at opacity <paramref name="alpha"/>.
    /// </summary>
    public static Image Draw(Image image, Tensor map, double alpha = 0.6, ColorMap? colorMap = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(map);
        if (alpha is < 0 or > 1 || double.IsNaN(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The heatmap's opacity is between 0 and 1.");
        var scale = Math.Max(1, (MinSide + Math.Min(image.Width, image.Height) - 1) / Math.Min(image.Width, image.Height));
        int width = image.Width * scale, height = image.Height * scale;
        using var resized = GradCam.Upsample(map, height, width);
        var values = resized.data<float>().ToArray();
        var max = values.Where(float.IsFinite).DefaultIfEmpty(0).Max();
        var colors = colorMap ?? ColorMap.Magma;
        var rgb = image.Convert(ColorModes.Rgb);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                var (r, g, b) = colors.Map(max > 0 ? values[i] / max : 0);
                var source = ((y / scale) * image.Width + x / scale) * 3;
                pixels[3 * i] = Blend(rgb.Pixels[source], r, alpha);
                pixels[3 * i + 1] = Blend(rgb.Pixels[source + 1], g, alpha);
                pixels[3 * i + 2] = Blend(rgb.Pixels[source + 2], b, alpha);
            }
        return new Image(pixels, width, height, 3);
    }

    /// <summary><see cref="Draw"/> as a display (image/png, with the title as caption).</summary>
    public static MimeBundle ShowHeatmap(Image image, Tensor map, double alpha = 0.6, ColorMap? colorMap = null, string? title = null) =>
        CaptionedGrid.ToBundle([(Draw(image, map, alpha, colorMap), title ?? "heatmap")], 1, title ?? "heatmap", colorScale: Scale(colorMap));

    /// <summary>The key under an overlay: <see cref="Draw"/> scales each map from 0 to its own maximum.</summary>
    internal static ColorScale Scale(ColorMap? colorMap) => new(colorMap ?? ColorMap.Magma, "0", "the map's maximum", "heat");

    private static byte Blend(byte under, byte over, double alpha) => (byte)Math.Round((1 - alpha) * under + alpha * over);
}
