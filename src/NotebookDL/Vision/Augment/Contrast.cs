
namespace NotebookDL.Vision.Augment;

/// <summary>
/// Changes contrast in logit space (fastai's Contrast, defaults maxLighting 0.2 and p 0.75): with probability
/// <c>p</c> an image's logits are multiplied by s, log-uniform in [1 - max, 1 / (1 - max)]. Mid-grey
/// (logit 0) stays fixed; s &gt; 1 pushes values away from it.
/// </summary>
public sealed class Contrast : LightingAugment
{
    public Contrast(double maxLighting = 0.2, double p = 0.75, double? draw = null) : base(p)
    {
        if (!(maxLighting is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(maxLighting), maxLighting, "maxLighting must be in [0, 1).");
        (MaxLighting, FixedChange) = (maxLighting, draw);
    }

    public double MaxLighting { get; }

    /// <summary>The change used instead of a random one (fastai's draw), for demonstrations and tests.</summary>
    public double? FixedChange { get; }

    public override double Neutral => 1;

    public override double[] Draw(int n, AugmentRandom random, bool sameForAll = false)
    {
        var bound = -Math.Log(1 - MaxLighting);
        var logScale = random.Uniform(n, -bound, bound, sameForAll);
        var apply = random.Chance(n, P, sameForAll);
        if (FixedChange is { } fixedChange) return apply.Select(a => a ? fixedChange : Neutral).ToArray();
        return Enumerable.Range(0, n).Select(i => apply[i] ? Math.Exp(logScale[i]) : Neutral).ToArray();
    }

    public override Tensor ApplyToLogits(Tensor logits, Tensor change) => logits.mul(change);

    public override string ToString() => $"Contrast(maxLighting {MaxLighting}, p {P})";
}
