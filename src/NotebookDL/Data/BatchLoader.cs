using System.Collections;
using System.Runtime.CompilerServices;

namespace NotebookDL.Data;

/// <summary>
/// Batches an <see cref="IDataset"/>: each enumeration is one epoch, shuffled (if <see cref="Shuffle"/>) from
/// (<see cref="Seed"/>, epoch number), so the same seed gives the same batches on every run. Batches are built on
/// <see cref="NumWorkers"/> background threads, at most <see cref="Prefetch"/> ahead of the consumer; then, on the
/// consuming thread, moved to <see cref="Device"/> and passed through the <see cref="BatchTransforms"/>.
/// Ownership: the consumer owns every <see cref="Batch"/> it receives and must dispose it; breaking out of the
/// loop early stops the workers and frees the batches they had prepared.
/// <example><code>
/// foreach (var batch in dl) { using (batch) { var loss = Step(batch.X, batch.Y); } }
/// </code></example>
/// </summary>
public sealed class BatchLoader : IDataLoader
{
    private readonly StrongBox<int> liveWorkers = new();
    private int epochsStarted;

    /// <param name="dataset">The items.</param>
    /// <param name="bs">Batch size.</param>
    /// <param name="shuffle">Reshuffle every epoch (training) or keep dataset order (validation).</param>
    /// <param name="dropLast">Drop the last, smaller batch (fastai does for training: tiny batches upset batch norm).</param>
    /// <param name="numWorkers">Threads decoding and transforming items; 0 builds batches on the consuming thread.</param>
    /// <param name="seed">Shuffle and augmentation seed; null picks a fresh one (different runs differ).</param>
    /// <param name="batchTfms">Transforms of whole batches, applied in order on the consuming thread.</param>
    /// <param name="device">Where batches go; CPU by default.</param>
    /// <param name="training">Whether item and batch transforms augment; defaults to <paramref name="shuffle"/>.</param>
    /// <param name="prefetch">Batches built ahead of the consumer; defaults to 2 per worker.</param>
    /// <param name="sampler">Which items form each batch; by default <paramref name="bs"/> items at a time, in order or
    /// shuffled (<see cref="BatchSampler"/>). Text loaders group documents of similar length or cut a token stream.</param>
    public BatchLoader(IDataset dataset, int bs = 64, bool shuffle = false, bool dropLast = false, int numWorkers = 2, int? seed = null,
        IEnumerable<IBatchTransform>? batchTfms = null, Device? device = null, bool? training = null, int? prefetch = null,
        IBatchSampler? sampler = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bs);
        ArgumentOutOfRangeException.ThrowIfNegative(numWorkers);
        Dataset = dataset;
        Bs = bs;
        Shuffle = shuffle;
        DropLast = dropLast;
        NumWorkers = numWorkers;
        Seed = seed ?? Seeds.Fresh();
        BatchTransforms = batchTfms?.ToList() ?? [];
        Device = device ?? CPU;
        Training = training ?? shuffle;
        Prefetch = prefetch ?? Math.Max(2, 2 * numWorkers);
        Sampler = sampler ?? new BatchSampler(dataset.Count, bs, shuffle, dropLast);
    }

    public IDataset Dataset { get; }
    public int Bs { get; }
    public bool Shuffle { get; }
    public bool DropLast { get; }
    public int NumWorkers { get; }
    public int Seed { get; }
    public bool Training { get; }
    public int Prefetch { get; }
    public IBatchSampler Sampler { get; }

    /// <summary>Where batches are moved before the batch transforms run.</summary>
    public Device Device { get; set; }

    /// <summary>Applied in order to every batch on the consuming thread (normalisation, augmentation).</summary>
    public List<IBatchTransform> BatchTransforms { get; }

    /// <summary>Batches the next epoch yields.</summary>
    public int Count => Plan(Epoch).Length;

    /// <summary>Epochs started so far; the next enumeration is epoch number <see cref="Epoch"/>.</summary>
    public int Epoch => Volatile.Read(ref epochsStarted);

    /// <summary>Worker threads of this loader still running (tests check that none outlive an epoch).</summary>
    internal int LiveWorkers => Volatile.Read(ref liveWorkers.Value);

    /// <summary>The order in which epoch <paramref name="epoch"/> visits the dataset's items.</summary>
    public int[] ItemOrder(int epoch) => Plan(epoch).SelectMany(b => b).ToArray();

    /// <summary>Starts the next epoch. Each batch yielded belongs to the caller, who must dispose it.</summary>
    public IEnumerator<Batch> GetEnumerator() => Run(Interlocked.Increment(ref epochsStarted) - 1);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The first batch of the current epoch's order, built on this thread, without starting an epoch (so peeking
    /// does not change what training sees). The caller owns it.
    /// </summary>
    public Batch OneBatch()
    {
        if (Count == 0) throw new InvalidOperationException($"This loader yields no batches ({Dataset.Count} items, bs {Bs}, dropLast {DropLast}).");
        var epoch = Epoch;
        var plan = Plan(epoch);
        using var pipeline = new PrefetchPipeline(1, k => Dataset.GetBatch(plan[0], new BatchContext(Training, Seed, epoch, 0)), 0, 1);
        return Finish(pipeline.Take(0));
    }

    /// <summary>Item <paramref name="index"/> of the dataset as a batch of one (with transforms), e.g. to explain one prediction. The caller owns it.</summary>
    public Batch Item(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Dataset.Count);
        using var pipeline = new PrefetchPipeline(1, _ => Dataset.GetBatch([index], new BatchContext(Training, Seed, Epoch, 0)), 0, 1);
        return Finish(pipeline.Take(0));
    }

    /// <summary>The same batches as a raw pass would build, before device moves and batch transforms (for statistics).</summary>
    internal IEnumerable<Batch> RawBatches(int maxBatches)
    {
        var epoch = Epoch;
        var plan = Plan(epoch);
        for (var k = 0; k < Math.Min(maxBatches, plan.Length); k++)
            yield return Dataset.GetBatch(plan[k], new BatchContext(Training, Seed, epoch, k));
    }

    private (int Epoch, int[][] Batches)? lastPlan;

    // Count and the pass both ask for the epoch's plan; the last one is kept so a pass does not shuffle twice.
    private int[][] Plan(int epoch)
    {
        if (lastPlan is { } last && last.Epoch == epoch) return last.Batches;
        var batches = Sampler.Batches(epoch, Seed);
        lastPlan = (epoch, batches);
        return batches;
    }

    private IEnumerator<Batch> Run(int epoch)
    {
        var plan = Plan(epoch);
        using var pipeline = new PrefetchPipeline(plan.Length, k => Dataset.GetBatch(plan[k], new BatchContext(Training, Seed, epoch, k)), NumWorkers, Prefetch, liveWorkers);
        for (var k = 0; k < plan.Length; k++) yield return Finish(pipeline.Take(k));
    }

    /// <summary>Device move and batch transforms; the result belongs to no dispose scope, and replaced inputs are freed.</summary>
    private Batch Finish(Batch raw)
    {
        if (BatchTransforms.Count == 0 && Device == CPU) return raw;
        try
        {
            using var scope = torch.NewDisposeScope();
            var (x, y) = (raw.X, raw.Y);
            if (Device != CPU) (x, y) = (x.to(Device), y.to(Device));
            foreach (var transform in BatchTransforms) (x, y) = transform.Apply(x, y, Training);
            x.DetachFromDisposeScope();
            y.DetachFromDisposeScope();
            if (!ReferenceEquals(x, raw.X)) raw.X.Dispose();
            if (!ReferenceEquals(y, raw.Y)) raw.Y.Dispose();
            return new Batch(x, y);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }
}
