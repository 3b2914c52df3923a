
namespace NotebookDL.Vision;

/// <summary>
/// fastai's <c>RandomResizedCrop</c>. Training: a random window covering <see cref="MinScale"/>..<see cref="MaxScale"/>
/// of the area with an aspect ratio in <see cref="MinRatio"/>..<see cref="MaxRatio"/> (log-uniform), scaled to the
/// output size; after 10 failed draws, the largest centred window within the ratio range. Validation: the whole
/// image squished to the size plus <see cref="ValidExtra"/> (rounded up to a multiple of 8), then centre-cropped,
/// so validation sees nearly the whole image at the training scale.
/// </summary>
public sealed class RandomResizedCrop : IImageTransform
{
    public RandomResizedCrop(int size, double minScale = 0.08, double maxScale = 1.0, double minRatio = 3.0 / 4, double maxRatio = 4.0 / 3, double validExtra = 0.14)
        : this(size, size, minScale, maxScale, minRatio, maxRatio, validExtra) { }

    public RandomResizedCrop(int height, int width, double minScale = 0.08, double maxScale = 1.0, double minRatio = 3.0 / 4, double maxRatio = 4.0 / 3, double validExtra = 0.14)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1))
            throw new ArgumentOutOfRangeException(nameof(minScale), $"Need 0 < minScale <= maxScale <= 1, got minScale={minScale}, maxScale={maxScale}.");
        if (!(minRatio > 0 && minRatio <= maxRatio))
            throw new ArgumentOutOfRangeException(nameof(minRatio), $"Need 0 < minRatio <= maxRatio, got {minRatio}..{maxRatio}.");
        Height = height;
        Width = width;
        MinScale = minScale;
        MaxScale = maxScale;
        MinRatio = minRatio;
        MaxRatio = maxRatio;
        ValidExtra = validExtra;
    }

    public int Height { get; }
    public int Width { get; }
    public double MinScale { get; }
    public double MaxScale { get; }
    public double MinRatio { get; }
    public double MaxRatio { get; }
    public double ValidExtra { get; }

    public Image Apply(Image image, ItemContext context)
    {
        if (!context.Training)
        {
            var extra = (int)Math.Ceiling(Math.Max(Width, Height) * ValidExtra / 8) * 8;
            var squished = Resampler.Resize(image, Width + extra, Height + extra);
            return ImageOps.CenterCrop(squished, Width, Height);
        }
        var (left, top, w, h) = Window(image.Width, image.Height, context.Random);
        return ImageOps.CropResize(image, left, top, w, h, Width, Height);
    }

    private (int Left, int Top, int Width, int Height) Window(int w, int h, Random random)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var area = (MinScale + random.NextDouble() * (MaxScale - MinScale)) * w * h;
            var logRatio = Math.Log(MinRatio) + random.NextDouble() * (Math.Log(MaxRatio) - Math.Log(MinRatio));
            var ratio = Math.Exp(logRatio);
            var nw = (int)Math.Round(Math.Sqrt(area * ratio));
            var nh = (int)Math.Round(Math.Sqrt(area / ratio));
            if (nw >= 1 && nh >= 1 && nw <= w && nh <= h)
                return (random.Next(w - nw + 1), random.Next(h - nh + 1), nw, nh);
        }
        var (cw, ch) = (double)w / h < MinRatio ? (w, (int)(w / MinRatio))
            : (double)w / h > MaxRatio ? ((int)(h * MaxRatio), h)
            : (w, h);
        return ((w - cw) / 2, (h - ch) / 2, cw, ch);
    }

    public override string ToString() => $"RandomResizedCrop({Height}x{Width}, scale {MinScale}..{MaxScale})";
}
