using NotebookDL.Display;

namespace NotebookDL.Vision;

/// <summary>Pictures side by side with captions (fastai's <c>show_images</c>).</summary>
public static class ImageGrid
{
    /// <summary>
    /// Shows tensors as a captioned grid: each (C, H, W) or (H, W), floats in [0, 1] (values outside are clipped; scale
    /// signed results such as edge maps first) or uint8 (H, W, C); sizes may differ.
    /// </summary>
    /// <param name="images">(picture, caption) pairs.</param>
    /// <param name="cols">Pictures per row; all in one row when null.</param>
    /// <param name="title">A heading above the grid.</param>
    public static MimeBundle Show(IEnumerable<(Tensor Image, string Caption)> images, int? cols = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var items = images.Select(i => (Image.FromTensor(i.Image.detach().cpu()), i.Caption)).ToList();
        if (items.Count == 0) throw new ArgumentException("No images to show.", nameof(images));
        if (cols is <= 0) throw new ArgumentOutOfRangeException(nameof(cols), cols, "Pictures per row must be positive.");
        return CaptionedGrid.ToBundle(items, cols ?? items.Count, string.Join("\n", items.Select(i => i.Caption)), title);
    }
}
