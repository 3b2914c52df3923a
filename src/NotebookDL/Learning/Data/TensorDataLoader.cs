using System.Collections;

namespace NotebookDL.Learning.Data;

/// <summary>
/// Batches over in-memory tensors (first dimension = items). Each pass yields new tensors (index_select copies),
/// so the consumer may dispose every batch without touching the source. With <c>shuffle</c> the order is a new
/// permutation per pass, drawn from a <see cref="Random"/> seeded once, so runs are reproducible.
/// </summary>
public sealed class TensorDataLoader : IDataLoader
{
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly bool _shuffle;
    private readonly Random _random;

    /// <param name="x">Inputs (n, ...); kept alive (not copied) by this loader.</param>
    /// <param name="y">Targets (n, ...).</param>
    /// <param name="batchSize">Items per batch; the last batch holds the remainder (drop_last = false).</param>
    /// <param name="shuffle">Reorder items on every pass.</param>
    /// <param name="seed">Seed of the shuffling order.</param>
    public TensorDataLoader(Tensor x, Tensor y, int batchSize, bool shuffle = false, int seed = 0)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        if (x.shape[0] != y.shape[0])
            throw new ArgumentException($"x has {x.shape[0]} items but y has {y.shape[0]}; they must match along dimension 0.");
        (_x, _y, BatchSize, _shuffle) = (x.DetachFromDisposeScope(), y.DetachFromDisposeScope(), batchSize, shuffle);
        _random = new Random(seed);
        Length = x.shape[0];
    }

    /// <summary>Number of items.</summary>
    public long Length { get; }

    public int BatchSize { get; }

    public int Count => (int)((Length + BatchSize - 1) / BatchSize);

    public IEnumerator<IBatch> GetEnumerator()
    {
        var order = Enumerable.Range(0, (int)Length).Select(i => (long)i).ToArray();
        if (_shuffle) _random.Shuffle(order);
        for (long start = 0; start < Length; start += BatchSize)
        {
            var count = (int)Math.Min(BatchSize, Length - start);
            // Built outside any caller scope on purpose: the consumer owns (and disposes) the batch.
            using var index = torch.tensor(order.AsSpan((int)start, count).ToArray()).DetachFromDisposeScope();
            yield return new TensorBatch(_x.index_select(0, index).DetachFromDisposeScope(), _y.index_select(0, index).DetachFromDisposeScope());
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
