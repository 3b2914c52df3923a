using NotebookDL.Data;
using NotebookDL.Display;

namespace NotebookDL.Vision;

/// <summary>Captioned grids of data-set items for the interpretation views (the images as the model saw them, de-normalised).</summary>
internal static class ItemImages
{
    /// <summary>
    /// text/html (a grid of captioned PNGs, rendered by Jupyter, nbconvert and GitHub), image/png (the images alone)
    /// and text/plain (the captions). Without images (<paramref name="source"/> is not an image loader) only the captions.
    /// </summary>
    public static MimeBundle Grid(BatchLoader? source, IReadOnlyList<(int Index, string Caption)> items, string? title)
    {
        var plain = (title is null ? "" : title + "\n") + string.Join("\n", items.Select(i => $"#{i.Index}: {i.Caption}"));
        if (source is not { } dl || items.Count == 0) return MimeBundle.PlainText(plain.Length == 0 ? "(no items)" : plain);
        var images = items.Select(item => (Load(dl, item.Index), item.Caption)).ToList();
        var cols = Math.Min(images.Count, Math.Max(1, (int)Math.Ceiling(Math.Sqrt(images.Count))));
        return CaptionedGrid.ToBundle(images, cols, plain, title);
    }

    /// <summary>Item <paramref name="index"/> as the loader delivers it, with the batch transforms decoded (e.g. de-normalised).</summary>
    internal static Image Load(BatchLoader dl, int index)
    {
        using var batch = dl.Item(index);
        using var scope = torch.NewDisposeScope();
        var x = batch.X.cpu();
        for (var i = dl.BatchTransforms.Count - 1; i >= 0; i--) x = dl.BatchTransforms[i].Decode(x);
        return Image.FromTensor(x[0].to(ScalarType.Float32));
    }
}
