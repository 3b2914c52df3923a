namespace NotebookDL.Vision.Augment;

/// <summary>
/// With probability <paramref name="p"/>, applies one of the 8 symmetries of the square drawn uniformly (fastai's
/// Dihedral, used instead of <see cref="Flip"/> when vertical flips make sense, e.g. satellite or microscope images).
/// On non-square images the quarter turns are rescaled to the aspect ratio, as in fastai.
/// </summary>
public sealed class Dihedral(double p = 0.5) : AffineAugment(p)
{
    public override AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false)
    {
        var k = random.Integers(n, 8, sameForAll);
        var apply = random.Chance(n, P, sameForAll);
        return Enumerable.Range(0, n).Select(i => apply[i] ? AffineMatrix.Dihedral(k[i]) : AffineMatrix.Identity).ToArray();
    }

    public override string ToString() => $"Dihedral(p {P})";
}
