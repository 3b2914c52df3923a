using NotebookDL.Data;
using NotebookDL.Vision.Augment;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>Synthetic images built from their definition, and comparisons, for the augmentation tests.</summary>
internal static class AugmentTestSupport
{
    /// <summary>Applies the transforms in order, as a data loader does, disposing the intermediates.</summary>
    public static Tensor Run(IReadOnlyList<IBatchTransform> tfms, Tensor x, Tensor y, bool training = true)
    {
        var current = x;
        foreach (var t in tfms)
        {
            var (next, _) = t.Apply(current, y, training);
            if (!ReferenceEquals(current, x) && !ReferenceEquals(current, next)) current.Dispose();
            current = next;
        }
        return current;
    }

    public static float MaxAbsDiff(Tensor a, Tensor b)
    {
        Assert.Equal(a.shape, b.shape);
        using var d = a.sub(b);
        using var abs = d.abs();
        using var max = abs.max();
        return max.ToSingle();
    }

    /// <summary>(b, c, h, w) with value(col) = col / (w - 1): 0 at the left edge, 1 at the right.</summary>
    public static Tensor HorizontalGradient(int b, int c, int h, int w, bool reversed = false)
    {
        var data = new float[b * c * h * w];
        for (var i = 0; i < data.Length; i++)
        {
            var col = i % w;
            data[i] = (float)(reversed ? w - 1 - col : col) / (w - 1);
        }
        return tensor(data, new long[] { b, c, h, w });
    }

    /// <summary>A (1, 1, size, size) black image with ones in rows [r0, r1] and columns [c0, c1].</summary>
    public static Tensor WhiteRectangle(int size, int r0, int r1, int c0, int c1)
    {
        var data = new float[size * size];
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++) data[r * size + c] = 1;
        return tensor(data, new long[] { 1, 1, size, size });
    }

    /// <summary>Uniform values in [0, 1] from a seeded .NET generator (independent of torch's generator).</summary>
    public static Tensor RandomImages(int b, int c, int h, int w, int seed)
    {
        var random = new Random(seed);
        var data = new float[b * c * h * w];
        for (var i = 0; i < data.Length; i++) data[i] = (float)random.NextDouble();
        return tensor(data, new long[] { b, c, h, w });
    }

    public static Tensor Labels(int b) => arange(b);
}

/// <summary>An affine augmentation with a given matrix for every image, to test the resampling on known geometry.</summary>
internal sealed class FixedAffine(AffineMatrix matrix) : AffineAugment(1)
{
    public override AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false) => Enumerable.Repeat(matrix, n).ToArray();
}
