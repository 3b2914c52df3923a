using System.Net;
using System.Text;
using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Display.Imaging;
using NotebookDL.Learning.Data;
using NotebookDL.Torch;

namespace NotebookDL.Vision;

/// <summary>Captioned grids of data-set items for the interpretation views (the images as the model saw them, de-normalised).</summary>
internal static class ItemImages
{
    // 28x28 images are enlarged to at least this many pixels per side (nearest neighbour) to be legible.
    private const int MinSide = 96;
    private const int Gap = 4;

    /// <summary>
    /// text/html (a grid of captioned PNGs, rendered by Jupyter, nbconvert and GitHub), image/png (the images alone)
    /// and text/plain (the captions). Without images (<paramref name="source"/> is not an image loader) only the captions.
    /// </summary>
    public static MimeBundle Grid(IDataLoader? source, IReadOnlyList<(int Index, string Caption)> items, string? title)
    {
        var plain = (title is null ? "" : title + "\n") + string.Join("\n", items.Select(i => $"#{i.Index}: {i.Caption}"));
        if (source is not DataLoader dl || items.Count == 0) return MimeBundle.PlainText(plain.Length == 0 ? "(no items)" : plain);
        var images = items.Select(i => Load(dl, i.Index)).ToList();
        var cols = Math.Min(images.Count, Math.Max(1, (int)Math.Ceiling(Math.Sqrt(images.Count))));
        var html = new StringBuilder();
        if (title is not null) html.Append($"<div style=\"font-family:sans-serif;font-weight:bold;margin-bottom:4px\">{WebUtility.HtmlEncode(title)}</div>");
        html.Append($"<div style=\"display:grid;grid-template-columns:repeat({cols},max-content);gap:8px 12px\">");
        for (var n = 0; n < images.Count; n++)
        {
            var image = Gray2ToGray(images[n]);
            var png = Convert.ToBase64String(PngEncoder.Encode(image.Pixels, image.Width, image.Height, image.Channels));
            var scale = Scale(image.Width);
            var caption = WebUtility.HtmlEncode(items[n].Caption);
            html.Append("<figure style=\"margin:0;text-align:center\">")
                .Append($"<img src=\"data:image/png;base64,{png}\" width=\"{image.Width * scale}\" height=\"{image.Height * scale}\" style=\"image-rendering:pixelated\" alt=\"{caption}\"/>")
                .Append($"<figcaption style=\"font-family:sans-serif;font-size:12px\">{caption}</figcaption></figure>");
        }
        html.Append("</div>");
        var grid = Tile(images, cols);
        return ImageBundle.FromPixels(grid.Pixels, grid.Width, grid.Height, grid.Channels, plain).With(MimeBundle.TextHtml, html.ToString());
    }

    /// <summary>Item <paramref name="index"/> as the loader delivers it, with the batch transforms decoded (e.g. de-normalised).</summary>
    private static Image Load(DataLoader dl, int index)
    {
        using var batch = dl.Item(index);
        using var scope = torch.NewDisposeScope();
        var x = batch.X.cpu();
        for (var i = dl.BatchTransforms.Count - 1; i >= 0; i--) x = dl.BatchTransforms[i].Decode(x);
        return Image.FromTensor(x[0].to(ScalarType.Float32));
    }

    private static int Scale(int width) => Math.Max(1, (MinSide + width - 1) / width);

    private static Image Gray2ToGray(Image image) => image.Channels == 2 ? image.Convert(ColorModes.Gray) : image;

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
