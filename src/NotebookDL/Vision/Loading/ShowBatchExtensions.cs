using NotebookDL.Data;
using NotebookDL.Display;

namespace NotebookDL.Vision;

/// <summary>A batch of images with their labels, for the notebook to show (fastai's <c>show_batch</c>).</summary>
public static class ShowBatchExtensions
{
    /// <summary>
    /// Up to <paramref name="maxN"/> training images (batch transforms decoded, e.g. de-normalised) in a grid captioned
    /// with their class names, as a bundle the cell shows when it is the cell's value: text/html (a grid of PNGs with captions,
    /// which renders in Jupyter, nbconvert HTML and GitHub), image/png (the grid alone) and text/plain.
    /// </summary>
    public static MimeBundle ShowBatch(this DataLoaders dls, int maxN = 9, int? nCols = null)
    {
        ArgumentNullException.ThrowIfNull(dls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxN);
        List<(Image Image, string Label)> items;
        using (var batch = dls.OneBatch())
        {
            items = Decode(dls.Train, batch, maxN, dls.Vocab);
        }
        return BuildBundle(items, nCols ?? (int)Math.Ceiling(Math.Sqrt(items.Count)));
    }

    private static List<(Image, string)> Decode(BatchLoader loader, Batch batch, int maxN, Vocab? vocab)
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

    private static MimeBundle BuildBundle(List<(Image Image, string Label)> items, int cols) =>
        CaptionedGrid.ToBundle(items, cols, $"{items.Count} images: {string.Join(", ", items.Select(i => i.Label))}");
}
