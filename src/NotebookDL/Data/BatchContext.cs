namespace NotebookDL.Data;

/// <summary>
/// What a dataset needs to build one batch on a worker thread: train or validation behaviour, and the seed,
/// epoch and batch number from which each item's random generator is derived.
/// </summary>
public readonly record struct BatchContext(bool Training, long Seed, int Epoch, int BatchIndex)
{
    /// <summary>
    /// A generator for dataset item <paramref name="itemIndex"/> in this epoch. It depends only on (seed, epoch,
    /// item), so augmentation is the same whichever worker builds the item and however batches are scheduled.
    /// </summary>
    public Random RandomFor(int itemIndex) => new(Seeds.Mix(Seed, Epoch, itemIndex));
}
