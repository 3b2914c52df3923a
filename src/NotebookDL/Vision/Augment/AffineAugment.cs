
namespace NotebookDL.Vision.Augment;

/// <summary>
/// An augmentation that is one affine matrix per image (flip, rotate, zoom, dihedral). On its own it resamples the
/// batch once; inside <see cref="AffineCoordTransform"/> (what <see cref="Augmentations.AugTransforms(AugOptions)"/> builds)
/// its matrices are multiplied with the others' so the batch is resampled only once for all of them.
/// </summary>
public abstract class AffineAugment : IRandomBatchTransform
{
    protected AffineAugment(double p) => P = AugmentChecks.Probability(p, nameof(p));

    /// <summary>Probability that the transform applies to a given image.</summary>
    public double P { get; }

    public AugmentRandom Generator { get; set; } = new();

    /// <summary>One matrix per image of a batch of <paramref name="n"/>; <see cref="AffineMatrix.Identity"/> where it does not apply.</summary>
    public abstract AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false);

    public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training) =>
        new AffineCoordTransform([this], [], generator: Generator).Apply(x, y, training);
}
