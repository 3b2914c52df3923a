using System.Net;
using System.Text;
using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Display.Imaging;
using NotebookDL.Torch;

namespace NotebookDL.Vision;

/// <summary>Shows a batch of images with their labels in the notebook (fastai's <c>show_batch</c>).</summary>
public static class ShowBatchExtensions
{
    // Small images (28x28) are enlarged to at least this many pixels per side so they are legible.
    private const int MinDisplaySize = 96;

    /// <summary>
    /// Displays up to <paramref name="maxN"/> training images (batch transforms decoded, e.g. de-normalised) in a
    /// grid captioned with their class names, and returns the bundle: text/html (a grid of PNGs with captions,
    /// which renders in Jupyter, nbconvert HTML and GitHub), image/png (the grid alone) and text/plain.
    /// </summary>
    public static MimeBundle ShowBatch(this DataLoaders dls, int maxN = 9, int? nCols = null, bool display = true)
    {
        ArgumentNullException.ThrowIfNull(dls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxN);
        List<(Image Image, string Label)> items;
        using (var batch = dls.OneBatch())
        {
            items = Decode(dls.Train, batch, maxN, dls.Vocab);
        }
        var bundle = BuildBundle(items, nCols ?? (int)Math.Ceiling(Math.Sqrt(items.Count)));
        if (display) Displayer.DisplayBundle(bundle);
        return bundle;
    }

    private static List<(Image, string)> Decode(DataLoader loader, Batch batch, int maxN, Vocab? vocab)
    {
        using var scope = torch.NewDisposeScope();
        var x = batch.X.cpu();
        for (var i = loader.BatchTransforms.Count - 1; i >= 0; i--) x = loader.BatchTransforms[i].Decode(x);
        var labels = batch.Y.cpu().ToArray<long>();
        var n = Math.Min(maxN, (int)x.shape[0]);
        var items = new List<(Image, string)>(n);
        for (var i = 0; i < n; i++)
        {
            var label = vocab is not null && labels[i] >= 0 && labels[i] < vocab.Count ? vocab[(int)labels[i]] : labels[i].ToString();
            items.Add((Image.FromTensor(x[i]), label));
        }
        return items;
    }

    private static MimeBundle BuildBundle(List<(Image Image, string Label)> items, int cols)
    {
        var html = new StringBuilder("<div style=\"display:grid;grid-template-columns:repeat(")
            .Append(cols).Append(",max-content);gap:8px 12px\">");
        foreach (var (image, label) in items)
        {
            var png = Convert.ToBase64String(PngEncoder.Encode(ForPng(image).Pixels, image.Width, image.Height, ForPng(image).Channels));
            var scale = Math.Max(1, (MinDisplaySize + image.Width - 1) / image.Width);
            html.Append("<figure style=\"margin:0;text-align:center\">")
                .Append($"<img src=\"data:image/png;base64,{png}\" width=\"{image.Width * scale}\" height=\"{image.Height * scale}\" style=\"image-rendering:pixelated\" alt=\"{WebUtility.HtmlEncode(label)}\"/>")
                .Append($"<figcaption style=\"font-family:sans-serif;font-size:12px\">{WebUtility.HtmlEncode(label)}</figcaption></figure>");
        }
        html.Append("</div>");
        var grid = Grid(items.Select(i => i.Image).ToList(), cols);
        var plain = $"{items.Count} images: {string.Join(", ", items.Select(i => i.Label))}";
        return ImageBundle.FromPixels(grid.Pixels, grid.Width, grid.Height, grid.Channels, plain).With(MimeBundle.TextHtml, html.ToString());
    }

    private static Image ForPng(Image image) => image.Channels == 2 ? image.Convert(ColorModes.Gray) : image;

    /// <summary>The images enlarged (nearest neighbour, to keep pixels crisp) and tiled on white, row by row.</summary>
    private static Image Grid(List<Image> images, int cols)
    {
        var channels = images.Any(i => i.Channels >= 3) ? 3 : 1;
        var cellW = images.Max(i => i.Width);
        var cellH = images.Max(i => i.Height);
        var scale = Math.Max(1, (MinDisplaySize + cellW - 1) / cellW);
        const int gap = 4;
        var rows = (images.Count + cols - 1) / cols;
        int outW = cols * (cellW * scale + gap) - gap, outH = rows * (cellH * scale + gap) - gap;
        var pixels = new byte[outW * outH * channels];
        Array.Fill(pixels, (byte)255);
        for (var n = 0; n < images.Count; n++)
        {
            var image = images[n].Convert(channels == 1 ? ColorModes.Gray : ColorModes.Rgb);
            int ox = n % cols * (cellW * scale + gap), oy = n / cols * (cellH * scale + gap);
            for (var y = 0; y < image.Height * scale; y++)
                for (var x = 0; x < image.Width * scale; x++)
                    for (var c = 0; c < channels; c++)
                        pixels[((oy + y) * outW + ox + x) * channels + c] = image[y / scale, x / scale, c];
        }
        return new Image(pixels, outW, outH, channels);
    }
}
