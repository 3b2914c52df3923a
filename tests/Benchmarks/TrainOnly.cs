using NotebookDL.Learning;
using NotebookDL.Learning.Data;

namespace NotebookDL.Benchmarks;

/// <summary>
/// A learner's data with an empty validation set, so that <c>Fit(1)</c> is one training epoch only, as the plain
/// Python loop it is compared with.
/// </summary>
internal static class TrainOnly
{
    public static IDataLoaders Of(IDataLoaders dls) => new TensorDataLoaders(dls.Train, EmptyDataLoader.Instance);
}
