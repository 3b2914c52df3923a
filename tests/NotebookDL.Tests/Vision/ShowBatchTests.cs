using NotebookDL.Display;
using NotebookDL.Tests.Data;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

public class ShowBatchTests
{
    [Fact]
    public void ShowBatch_returns_a_captioned_html_grid_and_a_png()
    {
        using var folder = new PngFolder(3, ["cat", "dog"], "train");
        Directory.CreateDirectory(Path.Combine(folder.Path, "valid"));
        var dls = ImageDataLoaders.FromFolder(folder.Path, bs: 4, seed: 1, batchTfms: [Normalize.FromStats([-0.5f], [0.25f])]);

        var bundle = dls.ShowBatch(maxN: 3);

        var html = bundle.Data[MimeBundle.TextHtml];
        Assert.Equal(3, html.Split("<figure").Length - 1);
        Assert.Equal(3, html.Split("data:image/png;base64,").Length - 1);
        Assert.Matches("<figcaption[^>]*>(cat|dog)</figcaption>", html);
        var png = Convert.FromBase64String(bundle.Data[MimeBundle.ImagePng]);
        Assert.Equal(0x89, png[0]);
        Assert.StartsWith("3 images: ", bundle.Data[MimeBundle.TextPlain]);

        // The grid shows decoded pixels: black image background (normalised it would be (0 + 0.5) / 0.25 = 2, i.e.
        // white once clamped), and the empty fourth cell of the 2x2 grid is white.
        var tmp = Path.Combine(folder.Path, "grid.png");
        File.WriteAllBytes(tmp, png);
        var grid = ImageIO.LoadImage(tmp);
        Assert.Equal(0, grid[20, 20]);
        Assert.Equal(255, grid[grid.Height - 1, grid.Width - 1]);
    }
}
