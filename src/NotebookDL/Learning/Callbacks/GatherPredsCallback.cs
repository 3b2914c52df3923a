
namespace NotebookDL.Learning;

/// <summary>
/// Collects activated predictions, targets and per-item losses of every validation batch (used by
/// <see cref="Learner.GetPreds"/>). Copies are taken out of the batch's DisposeScope; <see cref="Take"/> concatenates
/// them and hands ownership to the caller.
/// </summary>
public sealed class GatherPredsCallback(bool withLoss) : Callback
{
    private readonly List<Tensor> _preds = [];
    private readonly List<Tensor> _targets = [];
    private readonly List<Tensor> _losses = [];

    public override int Order => 70;

    public override void AfterBatch()
    {
        if (Learn.Training || Learn.Pred is null || Learn.Y is null) return;
        _preds.Add(Learn.LossFunc.Activation(Learn.Pred).detach().DetachFromDisposeScope());
        _targets.Add(Learn.Y.clone().DetachFromDisposeScope());
        if (withLoss) _losses.Add(Learn.LossFunc.Call(Learn.Pred, Learn.Y, "none").detach().DetachFromDisposeScope());
    }

    /// <summary>(predictions, targets, losses or null), concatenated along the batch dimension; the caller owns them.</summary>
    public (Tensor Preds, Tensor Targets, Tensor? Losses) Take()
    {
        if (_preds.Count == 0) throw new InvalidOperationException("No batches were gathered: the data loader is empty or validation was cancelled.");
        try
        {
            var preds = torch.cat(_preds).DetachFromDisposeScope();
            var targets = torch.cat(_targets).DetachFromDisposeScope();
            var losses = withLoss ? torch.cat(_losses).DetachFromDisposeScope() : null;
            return (preds, targets, losses);
        }
        finally
        {
            foreach (var t in _preds.Concat(_targets).Concat(_losses)) t.Dispose();
            _preds.Clear();
            _targets.Clear();
            _losses.Clear();
        }
    }
}
