namespace NotebookDL.Vision.Augment;

/// <summary>
/// Zooms each image, with probability <c>p</c>, by a factor uniform in [minZoom, maxZoom] (or <c>draw</c>) around
/// a centre at random fractions (or <c>drawX</c>, <c>drawY</c> in [0, 1]) that keep the window inside the image
/// (fastai's Zoom, defaults 1..1.1 and p 0.5). Factors below 1 zoom out; the border is filled by the padding mode.
/// </summary>
public sealed class Zoom : AffineAugment
{
    public Zoom(double minZoom = 1, double maxZoom = 1.1, double p = 0.5, double? draw = null, double? drawX = null, double? drawY = null) : base(p)
    {
        if (!(minZoom > 0) || !(maxZoom >= minZoom))
            throw new ArgumentException($"Zoom needs 0 < minZoom <= maxZoom, got minZoom {minZoom} and maxZoom {maxZoom}.");
        if (draw is { } z && !(z > 0)) throw new ArgumentOutOfRangeException(nameof(draw), z, "A zoom factor must be positive.");
        (MinZoom, MaxZoom, FixedZoom, FixedCol, FixedRow) = (minZoom, maxZoom, draw, drawX, drawY);
    }

    public double MinZoom { get; }
    public double MaxZoom { get; }

    /// <summary>Fixed factor and centre fractions used instead of random ones (fastai's draw, draw_x, draw_y).</summary>
    public double? FixedZoom { get; }
    public double? FixedCol { get; }
    public double? FixedRow { get; }

    public override AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false)
    {
        var zoom = random.Uniform(n, MinZoom, MaxZoom, sameForAll);
        var apply = random.Chance(n, P, sameForAll);
        // fastai draws the centre for every image, applied or not; a zoom of 1 ignores it.
        var col = random.Uniform(n, 0, 1, sameForAll);
        var row = random.Uniform(n, 0, 1, sameForAll);
        if (FixedZoom is { } z) Array.Fill(zoom, z);
        if (FixedCol is { } c) Array.Fill(col, c);
        if (FixedRow is { } r) Array.Fill(row, r);
        return Enumerable.Range(0, n).Select(i => apply[i] ? AffineMatrix.Zoom(zoom[i], col[i], row[i]) : AffineMatrix.Identity).ToArray();
    }

    public override string ToString() => $"Zoom(minZoom {MinZoom}, maxZoom {MaxZoom}, p {P})";
}
