
namespace NotebookDL.Vision.Augment;

/// <summary>
/// An augmentation of pixel values in logit space (fastai's LightingTfm): x' = sigmoid(f(logit(x))), so values in
/// (0, 1) stay in (0, 1) without clipping. Several of them share one logit/sigmoid round trip in
/// <see cref="LightingTransform"/>.
/// </summary>
public abstract class LightingAugment : IRandomBatchTransform
{
    protected LightingAugment(double p) => P = AugmentChecks.Probability(p, nameof(p));

    /// <summary>Probability that the transform applies to a given image.</summary>
    public double P { get; }

    /// <summary>The parameter value that leaves an image unchanged.</summary>
    public abstract double Neutral { get; }

    public AugmentRandom Generator { get; set; } = new();

    /// <summary>One parameter per image of a batch of <paramref name="n"/>; <see cref="Neutral"/> where it does not apply.</summary>
    public abstract double[] Draw(int n, AugmentRandom random, bool sameForAll = false);

    /// <summary>Applies the drawn parameters, shaped (N, 1, 1, 1), to the logits (N, C, H, W).</summary>
    public abstract Tensor ApplyToLogits(Tensor logits, Tensor change);

    public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training) =>
        new LightingTransform([this], generator: Generator).Apply(x, y, training);
}
