
namespace NotebookDL.Learning;

/// <summary>
/// A metric that is a mean over items, computed per batch and averaged with batch-size weights (fastai's
/// <c>AvgMetric</c>), so a small last batch counts for its items, not as much as a full one.
/// </summary>
/// <param name="name">Column name.</param>
/// <param name="func">(pred, target) -> the batch's mean value (0-d tensor).</param>
public sealed class AvgMetric(string name, Func<Tensor, Tensor, Tensor> func) : IMetric
{
    private double _total;
    private long _count;

    public string Name { get; } = name;

    public void Reset() => (_total, _count) = (0, 0);

    public void Accumulate(Learner learn)
    {
        if (learn.Pred is not { } pred || learn.Y is not { } y) return;
        var bs = y.size(0);
        using var value = func(pred, y);
        _total += value.Item() * bs;
        _count += bs;
    }

    public double Value => _count == 0 ? double.NaN : _total / _count;
}
