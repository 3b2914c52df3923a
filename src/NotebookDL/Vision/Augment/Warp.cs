
namespace NotebookDL.Vision.Augment;

/// <summary>
/// Perspective warp (fastai's Warp, defaults magnitude 0.2 and p 0.5): with probability <c>p</c> an image
/// is seen as if the camera were tilted, by amounts xT and yT uniform in ±magnitude: the input's corner (-1, -1)
/// appears at (-1 - yT, -1 - xT) of the output, and likewise for the others, so a positive yT stretches the top
/// edge wider and narrows the bottom one (xT does the same for the left and right edges).
/// Unlike fastai, which tosses a coin per axis, an image is warped on both axes or not at all, so p is the
/// probability that the image is warped.
/// </summary>
public sealed class Warp : CoordAugment
{
    public Warp(double magnitude = 0.2, double p = 0.5, double? drawX = null, double? drawY = null) : base(p)
    {
        if (!(magnitude is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, "The warp magnitude must be in [0, 1) so the warped corners keep their order.");
        (Magnitude, FixedX, FixedY) = (magnitude, drawX, drawY);
    }

    public double Magnitude { get; }

    /// <summary>Fixed tilts used instead of random ones (fastai's draw_x, draw_y), for demonstrations and tests.</summary>
    public double? FixedX { get; }
    public double? FixedY { get; }

    private static readonly (double X, double Y)[] Corners = [(-1, -1), (-1, 1), (1, -1), (1, 1)];

    /// <summary>The perspective matrix mapping output locations to input locations for tilts <paramref name="xT"/>, <paramref name="yT"/>.</summary>
    public static double[,] Matrix(double xT, double yT)
    {
        (double X, double Y)[] moved = [(-1 - yT, -1 - xT), (-1 + yT, 1 + xT), (1 + yT, -1 + xT), (1 - yT, 1 - xT)];
        // The grid holds output locations; the moved corners are where the input corners appear in the output.
        return Perspective.FromPoints(moved, Corners);
    }

    public override Tensor? Transform(Tensor grid, AugmentRandom random, bool sameForAll = false)
    {
        var n = (int)grid.shape[0];
        var xT = random.Uniform(n, -Magnitude, Magnitude, sameForAll);
        var yT = random.Uniform(n, -Magnitude, Magnitude, sameForAll);
        var apply = random.Chance(n, P, sameForAll);
        if (FixedX is { } fx) Array.Fill(xT, fx);
        if (FixedY is { } fy) Array.Fill(yT, fy);
        if (!apply.Any(a => a)) return null;
        var matrices = Enumerable.Range(0, n).Select(i => apply[i] ? Matrix(xT[i], yT[i]) : Matrix(0, 0)).ToArray();
        return Perspective.Apply(grid, matrices);
    }

    public override string ToString() => $"Warp(magnitude {Magnitude}, p {P})";
}
