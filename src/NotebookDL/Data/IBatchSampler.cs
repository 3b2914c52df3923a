namespace NotebookDL.Data;

/// <summary>
/// Which dataset items make up each batch of an epoch (PyTorch's batch_sampler). The plan depends only on the loader's
/// seed and the epoch number, so the count a progress bar shows is the count the pass yields, and peeking at a batch
/// does not change what training sees.
/// </summary>
public interface IBatchSampler
{
    /// <summary>The item indices of every batch of epoch <paramref name="epoch"/>, in the order they are served.</summary>
    int[][] Batches(int epoch, int seed);
}

/// <summary>
/// Items in order, or shuffled anew each epoch, cut into batches of <see cref="Bs"/>; optionally without the last,
/// smaller batch (fastai drops it in training: a batch of one breaks batch norm).
/// </summary>
public sealed class BatchSampler(int count, int bs, bool shuffle, bool dropLast) : IBatchSampler
{
    public int Bs { get; } = bs > 0 ? bs : throw new ArgumentOutOfRangeException(nameof(bs), bs, "The batch size must be at least 1.");

    public int[][] Batches(int epoch, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        if (shuffle) new Random(Seeds.Mix(seed, epoch, -1)).Shuffle(order);
        var n = dropLast ? count / Bs : (count + Bs - 1) / Bs;
        var plan = new int[n][];
        for (var k = 0; k < n; k++) plan[k] = order[(k * Bs)..Math.Min(count, (k + 1) * Bs)];
        return plan;
    }
}
