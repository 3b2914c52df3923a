namespace NotebookDL.Learning;

/// <summary>
/// A callback that ends the fit itself after a known number of batches (the learning-rate finder's sweep), so the
/// progress bar counts those batches rather than the epochs the fit was asked for.
/// </summary>
public interface IPlannedFit : ICallback
{
    /// <summary>Batches the fit will run unless it stops earlier (e.g. the loss diverged).</summary>
    int PlannedBatches { get; }
}
