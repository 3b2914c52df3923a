
namespace NotebookDL.Vision.Augment;

/// <summary>The logit/sigmoid pair of fastai's lighting transforms.</summary>
public static class Lighting
{
    /// <summary>
    /// log(x / (1 - x)) after clamping x to [1e-7, 1 - 1e-7] as fastai does, so pure black and white map to large
    /// finite logits instead of ±infinity.
    /// </summary>
    public static Tensor Logit(Tensor x)
    {
        using var clamped = x.clamp(1e-7, 1 - 1e-7);
        using var negated = clamped.neg();
        using var complement = negated.add(1);
        using var odds = clamped.div(complement);
        return odds.log();
    }
}
