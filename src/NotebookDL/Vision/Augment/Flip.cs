namespace NotebookDL.Vision.Augment;

/// <summary>Mirrors each image left-right with probability <paramref name="p"/> (fastai's Flip, default p 0.5).</summary>
public sealed class Flip(double p = 0.5) : AffineAugment(p)
{
    public override AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false) =>
        random.Chance(n, P, sameForAll).Select(flip => flip ? AffineMatrix.FlipHorizontal : AffineMatrix.Identity).ToArray();

    public override string ToString() => $"Flip(p {P})";
}
