namespace NotebookDL.Learning;

/// <summary>
/// A metric accumulated over a whole pass of a data loader (fastai's <c>Metric</c>): <see cref="Reset"/> before the
/// pass, <see cref="Accumulate"/> after each batch (reading <see cref="Learner.Pred"/>, <see cref="Learner.Y"/>,
/// <see cref="Learner.Loss"/>), <see cref="Value"/> at the end. Instances hold state: give each Learner its own.
/// </summary>
public interface IMetric
{
    /// <summary>Column name in the epoch table (e.g. "accuracy").</summary>
    string Name { get; }

    void Reset();

    void Accumulate(Learner learn);

    /// <summary>The metric over everything accumulated since <see cref="Reset"/> (NaN when nothing was).</summary>
    double Value { get; }
}
