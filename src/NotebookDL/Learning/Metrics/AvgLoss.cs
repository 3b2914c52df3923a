namespace NotebookDL.Learning;

/// <summary>The mean loss over a pass, weighted by batch size (fastai's <c>AvgLoss</c>).</summary>
public sealed class AvgLoss : IMetric
{
    private double _total;
    private long _count;

    public string Name => "loss";

    public void Reset() => (_total, _count) = (0, 0);

    public void Accumulate(Learner learn)
    {
        if (learn.Loss is not { } loss || learn.Y is not { } y) return;
        var bs = y.size(0);
        using var mean = loss.mean();
        _total += mean.Item() * bs;
        _count += bs;
    }

    public double Value => _count == 0 ? double.NaN : _total / _count;
}
