
namespace NotebookDL.Vision.Augment;

/// <summary>
/// An augmentation that moves the sampling grid itself (a non-affine map such as <see cref="Warp"/>). It runs on the
/// grid after the affine part, before the single grid_sample.
/// </summary>
public abstract class CoordAugment : IRandomBatchTransform
{
    protected CoordAugment(double p) => P = AugmentChecks.Probability(p, nameof(p));

    /// <summary>Probability that the transform applies to a given image.</summary>
    public double P { get; }

    public AugmentRandom Generator { get; set; } = new();

    /// <summary>
    /// Draws this batch's parameters and maps the grid (N, H, W, 2) of normalised (x, y) sample locations to a new
    /// grid of the same shape, or returns null when no image of the batch is affected.
    /// </summary>
    public abstract Tensor? Transform(Tensor grid, AugmentRandom random, bool sameForAll = false);

    public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training) =>
        new AffineCoordTransform([], [this], generator: Generator).Apply(x, y, training);
}
