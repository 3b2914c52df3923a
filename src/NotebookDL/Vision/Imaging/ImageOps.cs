namespace NotebookDL.Vision;

/// <summary>Geometry on <see cref="Image"/>s: crops that may extend past the border (filled with zeros), and crop-then-resize.</summary>
public static class ImageOps
{
    /// <summary>
    /// The <paramref name="width"/> x <paramref name="height"/> window whose top-left corner is at
    /// (<paramref name="left"/>, <paramref name="top"/>); parts outside the image are black (zero), which is how
    /// a window larger than the image pads it.
    /// </summary>
    public static Image Crop(Image source, int left, int top, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (left == 0 && top == 0 && width == source.Width && height == source.Height) return source;
        var c = source.Channels;
        var result = new byte[width * height * c];
        // The overlap of the window with the image, in window coordinates.
        var x0 = Math.Max(0, -left);
        var x1 = Math.Min(width, source.Width - left);
        var y0 = Math.Max(0, -top);
        var y1 = Math.Min(height, source.Height - top);
        if (x1 > x0)
        {
            for (var y = y0; y < y1; y++)
            {
                var from = ((y + top) * source.Width + x0 + left) * c;
                source.Pixels.AsSpan(from, (x1 - x0) * c).CopyTo(result.AsSpan((y * width + x0) * c));
            }
        }
        return new Image(result, width, height, c);
    }

    /// <summary>Crops (or pads) the window, then resizes it bilinearly to <paramref name="outWidth"/> x <paramref name="outHeight"/>.</summary>
    public static Image CropResize(Image source, int left, int top, int width, int height, int outWidth, int outHeight) =>
        Resampler.Resize(Crop(source, left, top, width, height), outWidth, outHeight);

    /// <summary>The centred <paramref name="width"/> x <paramref name="height"/> window (padded with zeros if larger than the image).</summary>
    public static Image CenterCrop(Image source, int width, int height) =>
        Crop(source, (source.Width - width) / 2, (source.Height - height) / 2, width, height);
}
