namespace NotebookDL.Data;

/// <summary>
/// A random <see cref="ValidPct"/> of the items for validation, the rest for training. With a seed the split is
/// the same on every run (given the same item list); without one it differs each time, as in fastai.
/// </summary>
public sealed class RandomSplitter : ISplitter
{
    public RandomSplitter(double validPct = 0.2, int? seed = null)
    {
        if (validPct is < 0 or > 1 || double.IsNaN(validPct))
            throw new ArgumentOutOfRangeException(nameof(validPct), validPct, "validPct must be between 0 and 1.");
        ValidPct = validPct;
        Seed = seed;
    }

    public double ValidPct { get; }
    public int? Seed { get; }

    public (int[] Train, int[] Valid) Split(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var order = Enumerable.Range(0, items.Count).ToArray();
        new Random(Seed ?? Seeds.Fresh()).Shuffle(order);
        var cut = (int)(ValidPct * items.Count);
        return (order[cut..], order[..cut]);
    }
}
