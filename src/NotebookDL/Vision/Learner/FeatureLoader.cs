using System.Collections;
using NotebookDL.Learning.Data;

namespace NotebookDL.Vision;

/// <summary>
/// Batches over precomputed activations (N, ...) and targets (N). Training passes are shuffled (a new order each
/// pass, from a seeded generator) and drop the last partial batch, as the image loader does: a batch of one would
/// break the head's BatchNorm1d in training mode. The loader keeps the tensors; each batch is a copy the consumer owns.
/// </summary>
internal sealed class FeatureLoader : IDataLoader
{
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly bool _training;
    private readonly Random _random;

    public FeatureLoader(Tensor x, Tensor y, int batchSize, bool training, int seed = 0)
    {
        (_x, _y, BatchSize, _training) = (x, y, batchSize, training);
        _random = new Random(seed);
    }

    public int BatchSize { get; }

    private long Length => _x.shape[0];

    public int Count => (int)(_training ? Length / BatchSize : (Length + BatchSize - 1) / BatchSize);

    public IEnumerator<IBatch> GetEnumerator()
    {
        var order = new long[Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (_training) _random.Shuffle(order);
        for (var b = 0; b < Count; b++)
        {
            var start = b * BatchSize;
            var count = (int)Math.Min(BatchSize, Length - start);
            // Outside any caller scope: the consumer owns (and disposes) the batch.
            using var index = torch.tensor(order.AsSpan(start, count).ToArray()).DetachFromDisposeScope();
            yield return new TensorBatch(_x.index_select(0, index).DetachFromDisposeScope(), _y.index_select(0, index).DetachFromDisposeScope());
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Training and validation <see cref="FeatureLoader"/>s with the original data's vocab.</summary>
internal sealed class FeatureDataLoaders(IDataLoader train, IDataLoader valid, IReadOnlyList<string>? vocab) : IDataLoaders
{
    public IDataLoader Train { get; } = train;

    public IDataLoader Valid { get; } = valid;

    public IReadOnlyList<string>? Vocab { get; } = vocab;
}
