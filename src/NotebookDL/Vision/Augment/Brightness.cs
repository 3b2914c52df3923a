
namespace NotebookDL.Vision.Augment;

/// <summary>
/// Changes brightness in logit space (fastai's Brightness, defaults maxLighting 0.2 and p 0.75): with probability
/// <c>p</c> an image gets logit(x) + logit(c), c uniform in [0.5 (1 - max), 0.5 (1 + max)]; c = 0.5 is
/// no change, larger c brightens.
/// </summary>
public sealed class Brightness : LightingAugment
{
    public Brightness(double maxLighting = 0.2, double p = 0.75, double? draw = null) : base(p)
    {
        if (!(maxLighting is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(maxLighting), maxLighting, "maxLighting must be in [0, 1).");
        (MaxLighting, FixedChange) = (maxLighting, draw);
    }

    public double MaxLighting { get; }

    /// <summary>The change used instead of a random one (fastai's draw), for demonstrations and tests.</summary>
    public double? FixedChange { get; }

    public override double Neutral => 0.5;

    public override double[] Draw(int n, AugmentRandom random, bool sameForAll = false)
    {
        var change = random.Uniform(n, 0.5 * (1 - MaxLighting), 0.5 * (1 + MaxLighting), sameForAll);
        var apply = random.Chance(n, P, sameForAll);
        if (FixedChange is { } fixedChange) return apply.Select(a => a ? fixedChange : Neutral).ToArray();
        return Enumerable.Range(0, n).Select(i => apply[i] ? change[i] : Neutral).ToArray();
    }

    /// <summary><paramref name="change"/> holds c per image; the logits move by logit(c).</summary>
    public override Tensor ApplyToLogits(Tensor logits, Tensor change)
    {
        using var shift = Lighting.Logit(change);
        return logits.add(shift);
    }

    public override string ToString() => $"Brightness(maxLighting {MaxLighting}, p {P})";
}
