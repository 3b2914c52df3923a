
namespace NotebookDL.Learning.Data;

/// <summary>Train and valid <see cref="TensorDataLoader"/>s over in-memory tensors (tests, synthetic lessons).</summary>
public sealed class TensorDataLoaders(IDataLoader train, IDataLoader valid, IReadOnlyList<string>? vocab = null) : IDataLoaders
{
    public IDataLoader Train { get; } = train;

    public IDataLoader Valid { get; } = valid;

    public IReadOnlyList<string>? Vocab { get; } = vocab;

    /// <summary>
    /// Loaders over given tensors: the training set is shuffled (when <paramref name="shuffle"/>), validation never is.
    /// </summary>
    /// <param name="xTrain">Training inputs (n, ...).</param>
    /// <param name="yTrain">Training targets (n, ...).</param>
    /// <param name="xValid">Validation inputs (m, ...).</param>
    /// <param name="yValid">Validation targets (m, ...).</param>
    /// <param name="bs">Batch size of both loaders.</param>
    /// <param name="shuffle">Shuffle the training set on every pass.</param>
    /// <param name="seed">Seed of the shuffling order.</param>
    /// <param name="vocab">Class names for classification targets, if any.</param>
    public static TensorDataLoaders FromTensors(Tensor xTrain, Tensor yTrain, Tensor xValid, Tensor yValid,
        int bs = 64, bool shuffle = true, int seed = 0, IReadOnlyList<string>? vocab = null) =>
        new(new TensorDataLoader(xTrain, yTrain, bs, shuffle, seed), new TensorDataLoader(xValid, yValid, bs), vocab);
}
