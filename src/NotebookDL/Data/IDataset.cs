namespace NotebookDL.Data;

/// <summary>
/// An indexable collection of labelled items that a <see cref="BatchLoader"/> batches. <see cref="GetBatch"/> runs
/// on loader worker threads, concurrently for different batches, so implementations must be thread-safe.
/// </summary>
public interface IDataset
{
    /// <summary>Number of items.</summary>
    int Count { get; }

    /// <summary>Label index of item <paramref name="index"/> (what stratification, tests and summaries look at).</summary>
    long LabelOf(int index);

    /// <summary>
    /// Builds the batch of the given items, in that order: X (B, ...) and Y (B). The returned tensors are handed to
    /// the loader, which hands them to the consumer.
    /// </summary>
    Batch GetBatch(int[] indices, BatchContext context);
}
