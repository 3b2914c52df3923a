using System.Net;
using System.Text;
using NotebookDL.Display;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Vision;

/// <summary>
/// A grid of captioned images as one display: text/html (captioned PNGs, which render in Jupyter, nbconvert HTML and
/// on GitHub), image/png (the images alone, tiled) and text/plain. Used by ShowBatch, ShowResults and the
/// interpretation views.
/// </summary>
internal static class CaptionedGrid
{
    // Small images (28x28 Fashion-MNIST) are enlarged (nearest neighbour, so pixels stay crisp) to at least this
    // many pixels per side to be legible.
    private const int MinDisplaySize = 96;
    private const int Gap = 4;
    // The widest row the HTML grid may take: a notebook's output column in a 1,000 px window (nbconvert, Jupyter).
    private const int MaxRowWidth = 860;
    private const int ColumnGap = 12;

    /// <param name="items">The images and their captions.</param>
    /// <param name="cols">Images per row.</param>
    /// <param name="plain">The text/plain form.</param>
    /// <param name="title">A heading above the grid.</param>
    /// <param name="colorScale">A colour scale drawn under the grid, for images that show values through a colour map.</param>
    public static MimeBundle ToBundle(IReadOnlyList<(Image Image, string Caption)> items, int cols, string plain, string? title = null, ColorScale? colorScale = null)
    {
        // Fewer columns when the pictures are wide, so a row never runs past the notebook column (8 enlarged 28 px
        // feature maps did).
        var widest = items.Count == 0 ? 1 : items.Max(i => i.Image.Width * Scale(i.Image.Width));
        cols = Math.Max(1, Math.Min(cols, (MaxRowWidth + ColumnGap) / (widest + ColumnGap)));
        var html = new StringBuilder();
        if (title is not null) html.Append($"<div style=\"font-family:sans-serif;font-weight:bold;margin-bottom:4px\">{WebUtility.HtmlEncode(title)}</div>");
        html.Append($"<div style=\"display:grid;grid-template-columns:repeat({cols},max-content);gap:8px {ColumnGap}px\">");
        foreach (var (item, caption) in items)
        {
            var image = ForPng(item);
            var png = Convert.ToBase64String(PngEncoder.Encode(image.Pixels, image.Width, image.Height, image.Channels));
            var scale = Scale(image.Width);
            var width = image.Width * scale;
            var text = WebUtility.HtmlEncode(caption);
            // The figure is as wide as its picture and a long caption wraps under it, so a row of n pictures needs n
            // pictures' width, not n captions' (four Grad-CAM captions overflowed a 1,000 px column).
            html.Append($"<figure style=\"margin:0;text-align:center;width:{width}px\">")
                .Append($"<img src=\"data:image/png;base64,{png}\" width=\"{width}\" height=\"{image.Height * scale}\" style=\"image-rendering:pixelated\" alt=\"{text}\"/>")
                .Append($"<figcaption style=\"font-family:sans-serif;font-size:12px;overflow-wrap:anywhere\">{text}</figcaption></figure>");
        }
        html.Append("</div>");
        if (colorScale is not null) html.Append(colorScale.ToHtml());
        var grid = Tile(items.Select(i => i.Image).ToList(), cols);
        return ImageBundle.FromPixels(grid.Pixels, grid.Width, grid.Height, grid.Channels, plain).With(MimeBundle.TextHtml, html.ToString());
    }

    private static int Scale(int width) => Math.Max(1, (MinDisplaySize + width - 1) / width);

    // PNG has no 2-channel layout that every viewer shows well; gray+alpha becomes gray.
    private static Image ForPng(Image image) => image.Channels == 2 ? image.Convert(ColorModes.Gray) : image;

    /// <summary>The images enlarged and tiled row by row on white.</summary>
    private static Image Tile(List<Image> images, int cols)
    {
        var channels = images.Any(i => i.Channels >= 3) ? 3 : 1;
        var cellW = images.Max(i => i.Width);
        var cellH = images.Max(i => i.Height);
        var scale = Scale(cellW);
        var rows = (images.Count + cols - 1) / cols;
        int outW = cols * (cellW * scale + Gap) - Gap, outH = rows * (cellH * scale + Gap) - Gap;
        var pixels = new byte[outW * outH * channels];
        Array.Fill(pixels, (byte)255);
        for (var n = 0; n < images.Count; n++)
        {
            var image = images[n].Convert(channels == 1 ? ColorModes.Gray : ColorModes.Rgb);
            int ox = n % cols * (cellW * scale + Gap), oy = n / cols * (cellH * scale + Gap);
            for (var y = 0; y < image.Height * scale; y++)
                for (var x = 0; x < image.Width * scale; x++)
                    for (var c = 0; c < channels; c++)
                        pixels[((oy + y) * outW + ox + x) * channels + c] = image[y / scale, x / scale, c];
        }
        return new Image(pixels, outW, outH, channels);
    }
}
