namespace NotebookDL.Data;

/// <summary>
/// A random <see cref="ValidPct"/> of the items for validation (rounded down, as fastai's), the rest for training.
/// With a seed the split is the same on every run (given the same item count); without one it differs each time, as
/// in fastai. The one random split of the library: image, tabular and collaborative-filtering loaders all use it.
/// </summary>
public sealed class RandomSplitter : ISplitter
{
    public RandomSplitter(double validPct = 0.2, int? seed = null)
    {
        if (validPct is < 0 or >= 1 || double.IsNaN(validPct))
            throw new ArgumentOutOfRangeException(nameof(validPct), validPct, "validPct must be at least 0 (no validation set) and below 1 (something left to train on).");
        ValidPct = validPct;
        Seed = seed;
    }

    public double ValidPct { get; }
    public int? Seed { get; }

    public (int[] Train, int[] Valid) Split(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Split(items.Count);
    }

    /// <summary>Indices of the training and the validation items among <paramref name="count"/> items.</summary>
    public (int[] Train, int[] Valid) Split(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(Seed ?? Seeds.Fresh()).Shuffle(order);
        var cut = (int)(ValidPct * count);
        return (order[cut..], order[..cut]);
    }
}
