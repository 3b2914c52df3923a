
namespace NotebookDL.Learning;

/// <summary>
/// A metric that is not a mean over items (RMSE, F1, R²): keeps every prediction and target of the pass and computes
/// the value once over all of them (fastai's <c>AccumMetric</c>). Predictions are optionally reduced with argmax over
/// the last dimension first (<paramref name="dimArgmax"/>) so only labels are kept.
/// </summary>
/// <param name="name">Column name.</param>
/// <param name="func">(all predictions, all targets) -> value.</param>
/// <param name="dimArgmax">Replace predictions by their argmax over the last dimension.</param>
/// <param name="flatten">Flatten predictions and targets to 1-D before storing.</param>
public sealed class AccumMetric(string name, Func<Tensor, Tensor, double> func, bool dimArgmax = false, bool flatten = true) : IMetric
{
    private readonly List<Tensor> _preds = [];
    private readonly List<Tensor> _targets = [];

    public string Name { get; } = name;

    public void Reset()
    {
        foreach (var t in _preds.Concat(_targets)) t.Dispose();
        _preds.Clear();
        _targets.Clear();
    }

    public void Accumulate(Learner learn)
    {
        if (learn.Pred is not { } pred || learn.Y is not { } y) return;
        using var scope = torch.NewDisposeScope();
        var p = dimArgmax ? pred.argmax(-1) : pred.detach();
        if (flatten) (p, y) = (p.reshape(-1), y.reshape(-1));
        // Copies leave the batch's DisposeScope: they must live until Value is read.
        _preds.Add(p.clone().DetachFromDisposeScope());
        _targets.Add(y.clone().DetachFromDisposeScope());
    }

    public double Value
    {
        get
        {
            if (_preds.Count == 0) return double.NaN;
            using var scope = torch.NewDisposeScope();
            return func(torch.cat(_preds), torch.cat(_targets));
        }
    }
}
