namespace NotebookDL.Kernel.Scripting;

/// <summary>Members every cell can use unqualified (imported with <c>using static</c>).</summary>
public static class CellGlobals
{
    private static Random rng = new();

    /// <summary>
    /// The notebook's shared random generator; <c>#!seed N</c> replaces it with a seeded one so a notebook's
    /// random draws are reproducible (use it instead of <c>new Random()</c>).
    /// </summary>
    public static Random Rng => Volatile.Read(ref rng);

    /// <summary>Replaces <see cref="Rng"/> with a generator seeded by <paramref name="seed"/>.</summary>
    public static void Seed(int seed) => Volatile.Write(ref rng, new Random(seed));
}
