
namespace NotebookDL.Learning.Data;

/// <summary>
/// One mini-batch as the Learner consumes it: model input <see cref="X"/> (batch first) and target <see cref="Y"/>.
/// The consumer owns the batch and disposes it (which frees both tensors) once the step is done.
/// </summary>
public interface IBatch : IDisposable
{
    /// <summary>Model input, shape (bs, ...).</summary>
    Tensor X { get; }

    /// <summary>Target, shape (bs, ...): int64 class indices, or floats for regression.</summary>
    Tensor Y { get; }
}

/// <summary>
/// The minimal view of a data loader the Learner needs: enumerate batches (a fresh pass, reshuffled if the loader
/// shuffles, each time), and know how many batches a pass yields.
/// </summary>
public interface IDataLoader : IEnumerable<IBatch>
{
    /// <summary>Batches per pass (what a progress bar counts).</summary>
    int Count { get; }

    /// <summary>Nominal batch size (the last batch may be smaller).</summary>
    int BatchSize { get; }
}

/// <summary>
/// Training and validation loaders plus what prediction needs to decode outputs. The Learner is written against this
/// interface so that any data pipeline (NotebookDL.Data, in-memory tensors) can feed it.
/// </summary>
public interface IDataLoaders
{
    IDataLoader Train { get; }

    IDataLoader Valid { get; }

    /// <summary>Class names for classification (index -> label), or null for regression.</summary>
    IReadOnlyList<string>? Vocab { get; }
}
