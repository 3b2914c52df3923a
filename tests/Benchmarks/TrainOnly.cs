using NotebookDL.Data;

namespace NotebookDL.Benchmarks;

/// <summary>
/// A learner's data with an empty validation set, so that <c>Fit(1)</c> is one training epoch only, as the plain
/// Python loop it is compared with.
/// </summary>
internal static class TrainOnly
{
    public static DataLoaders Of(DataLoaders dls) => new(dls.Train, DataLoaders.Empty(dls.Vocab).Valid, dls.Vocab);
}
