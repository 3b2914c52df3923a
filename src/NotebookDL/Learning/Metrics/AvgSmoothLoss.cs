namespace NotebookDL.Learning;

/// <summary>
/// Exponential moving average of the training loss with bias correction (fastai's <c>AvgSmoothLoss</c>): the curve
/// lr_find and the progress bar show, so one noisy batch does not hide the trend.
/// </summary>
public sealed class AvgSmoothLoss(double beta = 0.98) : IMetric
{
    private double _value;
    private int _count;

    public string Name => "smooth_loss";

    public double Beta { get; } = beta;

    public void Reset() => (_value, _count) = (0, 0);

    public void Accumulate(Learner learn)
    {
        if (learn.Loss is not { } loss) return;
        using var mean = loss.mean();
        Add(mean.Item());
    }

    /// <summary>Adds one raw loss value.</summary>
    public void Add(double loss)
    {
        _count++;
        _value = _value * Beta + loss * (1 - Beta);
    }

    public double Value => _count == 0 ? double.NaN : _value / (1 - Math.Pow(Beta, _count));
}
