
namespace NotebookDL.Vision;

/// <summary>
/// Resizes every item to <see cref="Width"/> x <see cref="Height"/> (fastai's <c>Resize</c>): with
/// <see cref="ResizeMethod.Crop"/> the largest window of the target aspect ratio is taken (at a random position
/// when training, centred for validation) and scaled bilinearly; <see cref="ResizeMethod.Pad"/> grows the window
/// past the image instead (black borders); <see cref="ResizeMethod.Squish"/> stretches the whole image.
/// <example><code>itemTfms: [new Resize(224)]</code></example>
/// </summary>
public sealed class Resize : IImageTransform
{
    /// <param name="size">Output height and width.</param>
    /// <param name="method">Crop (default), Pad or Squish.</param>
    public Resize(int size, ResizeMethod method = ResizeMethod.Crop) : this(size, size, method) { }

    /// <param name="height">Output height.</param>
    /// <param name="width">Output width.</param>
    /// <param name="method">Crop (default), Pad or Squish.</param>
    public Resize(int height, int width, ResizeMethod method = ResizeMethod.Crop)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
        Method = method;
    }

    public int Height { get; }
    public int Width { get; }
    public ResizeMethod Method { get; }

    public Image Apply(Image image, ItemContext context)
    {
        if (Method == ResizeMethod.Squish) return Resampler.Resize(image, Width, Height);
        // Scale factor from target to source: the smaller ratio keeps the window inside the image (crop), the
        // larger makes the window contain the whole image (pad).
        var ratioW = (double)image.Width / Width;
        var ratioH = (double)image.Height / Height;
        var m = Method == ResizeMethod.Crop ? Math.Min(ratioW, ratioH) : Math.Max(ratioW, ratioH);
        var windowW = Math.Max(1, (int)(m * Width));
        var windowH = Math.Max(1, (int)(m * Height));
        var (px, py) = context.Training ? (context.Random.NextDouble(), context.Random.NextDouble()) : (0.5, 0.5);
        // Negative offsets (pad) place the image inside the larger window.
        var left = (int)(px * (image.Width - windowW));
        var top = (int)(py * (image.Height - windowH));
        return ImageOps.CropResize(image, left, top, windowW, windowH, Width, Height);
    }

    public override string ToString() => $"Resize({Height}x{Width}, {Method})";
}
