
namespace NotebookDL.Vision.Augment;

/// <summary>
/// The random source of the augmentations: draws the per-image parameters (angles, zooms, masks) of a batch.
/// It is its own generator, so seeding it (<see cref="ManualSeed"/>, e.g. once per batch) reproduces the
/// augmentation exactly whatever else has consumed torch's global generator. Left unseeded, it takes its seed
/// from torch's global generator on first use, so <c>torch.manual_seed</c> before training still makes a run
/// reproducible.
/// </summary>
public sealed class AugmentRandom
{
    private Random? _random;

    /// <summary>A generator seeded with <paramref name="seed"/>, or lazily from torch's global generator when null.</summary>
    public AugmentRandom(long? seed = null)
    {
        if (seed is { } s) ManualSeed(s);
    }

    /// <summary>Restarts the stream: the same seed gives the same draws.</summary>
    public void ManualSeed(long seed) => _random = new Random(unchecked((int)(seed ^ (seed >> 32))));

    private Random Source => _random ??= new Random(SeedFromTorch());

    private static int SeedFromTorch()
    {
        using var draw = torch.randint(0, int.MaxValue, [1]);
        return (int)draw.Item();
    }

    /// <summary>
    /// <paramref name="n"/> values uniform in [low, high). With <paramref name="sameForAll"/> one value is drawn and
    /// repeated (fastai's batch=True: one transform for the whole batch).
    /// </summary>
    public double[] Uniform(int n, double low, double high, bool sameForAll = false) =>
        Fill(n, sameForAll, () => low + (high - low) * Source.NextDouble());

    /// <summary>For each of <paramref name="n"/> images, whether a transform of probability <paramref name="p"/> applies.</summary>
    public bool[] Chance(int n, double p, bool sameForAll = false) =>
        Fill(n, sameForAll, () => Source.NextDouble() < p);

    /// <summary><paramref name="n"/> integers uniform in [0, <paramref name="high"/>).</summary>
    public int[] Integers(int n, int high, bool sameForAll = false) =>
        Fill(n, sameForAll, () => Source.Next(high));

    private static T[] Fill<T>(int n, bool sameForAll, Func<T> draw)
    {
        var values = new T[n];
        if (n == 0) return values;
        if (sameForAll)
        {
            Array.Fill(values, draw());
            return values;
        }
        for (var i = 0; i < n; i++) values[i] = draw();
        return values;
    }
}
