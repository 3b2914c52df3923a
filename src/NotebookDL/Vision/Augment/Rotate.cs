namespace NotebookDL.Vision.Augment;

/// <summary>
/// Rotates each image, with probability <c>p</c>, by an angle uniform in ±<c>maxDeg</c> degrees (fastai's Rotate,
/// defaults 10° and p 0.5), or by <c>draw</c> degrees when given. Corners uncovered by the turn are filled by the
/// padding mode (reflection in <see cref="Augmentations.AugTransforms(AugOptions)"/>).
/// </summary>
public sealed class Rotate : AffineAugment
{
    public Rotate(double maxDeg = 10, double p = 0.5, double? draw = null) : base(p)
    {
        if (!(maxDeg >= 0)) throw new ArgumentOutOfRangeException(nameof(maxDeg), maxDeg, "The maximum rotation must be a non-negative number of degrees.");
        (MaxDeg, FixedAngle) = (maxDeg, draw);
    }

    public double MaxDeg { get; }

    /// <summary>The angle used instead of a random one (fastai's draw), for demonstrations and tests.</summary>
    public double? FixedAngle { get; }

    public override AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false)
    {
        var degrees = random.Uniform(n, -MaxDeg, MaxDeg, sameForAll);
        if (FixedAngle is { } angle) Array.Fill(degrees, angle);
        var apply = random.Chance(n, P, sameForAll);
        return Enumerable.Range(0, n).Select(i => apply[i] ? AffineMatrix.Rotation(degrees[i]) : AffineMatrix.Identity).ToArray();
    }

    public override string ToString() => $"Rotate(maxDeg {MaxDeg}, p {P})";
}
