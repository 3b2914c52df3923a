namespace NotebookDL.Data;

/// <summary>
/// What the Learner consumes: batches (a fresh pass each enumeration, reshuffled if the loader shuffles), how many a
/// pass yields, and where they arrive. <see cref="BatchLoader"/> is the library's one implementation; the interface is
/// for tests and for users who feed the Learner from a pipeline of their own.
/// Ownership: whoever receives a <see cref="Batch"/> disposes it.
/// </summary>
public interface IDataLoader : IEnumerable<Batch>
{
    /// <summary>Batches the next pass yields (what a progress bar counts).</summary>
    int Count { get; }

    /// <summary>Nominal batch size (the last batch may be smaller).</summary>
    int Bs { get; }

    /// <summary>The device every batch arrives on.</summary>
    Device Device { get; set; }
}

/// <summary>
/// Training and validation loaders plus what prediction needs to decode outputs. The Learner moves its model to
/// <see cref="Device"/> before it fits or predicts; setting it moves both loaders' batches there.
/// </summary>
public interface IDataLoaders
{
    IDataLoader Train { get; }

    IDataLoader Valid { get; }

    /// <summary>Class names for classification (index -> label), or null for regression.</summary>
    IReadOnlyList<string>? Vocab { get; }

    /// <summary>Where both loaders put their batches (CPU by default).</summary>
    Device Device { get; set; }
}
