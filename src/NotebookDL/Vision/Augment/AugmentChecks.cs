
namespace NotebookDL.Vision.Augment;

/// <summary>Argument checks shared by the augmentations, so every one reports a bad value the same way.</summary>
internal static class AugmentChecks
{
    public static double Probability(double p, string name) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(name, p, "A probability must be in [0, 1].");

    /// <summary>Augmentations resample or take logits, which only makes sense on float (B, C, H, W) images.</summary>
    public static void FloatImageBatch(Tensor x, string transform)
    {
        if (x.ndim != 4)
            throw new ArgumentException($"{transform} expects a (B, C, H, W) image batch, got shape [{string.Join(", ", x.shape)}].", nameof(x));
        if (!x.is_floating_point())
            throw new ArgumentException($"{transform} needs a floating-point batch, got {x.dtype}; convert the images to float (e.g. values in [0, 1]) first.", nameof(x));
    }
}
