namespace NotebookDL.Data;

/// <summary>Derives independent, reproducible seeds from a base seed and counters (SplitMix64 finaliser).</summary>
internal static class Seeds
{
    public static int Mix(long seed, long a, long b = 0)
    {
        var z = Finalise((ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(a + 1));
        z = Finalise(z + 0x9E3779B97F4A7C15UL * (ulong)(b + 1));
        return (int)(z >> 33);
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A fresh seed for loaders created without one (fastai's default: different every run).</summary>
    public static int Fresh() => Random.Shared.Next();
}
