
namespace NotebookDL.Learning;

/// <summary>
/// Keeps the weights of the best epoch by the monitored value and loads them back when the fit ends (fastai's
/// <c>SaveModelCallback</c>). The copy is held in memory; with <paramref name="fname"/> it is also written there
/// with <c>torch.save</c> at each improvement.
/// </summary>
/// <param name="monitor">Column to watch ("valid_loss", a metric name).</param>
/// <param name="minDelta">Minimum improvement.</param>
/// <param name="fname">Optional .pth path to save the best weights to.</param>
/// <param name="lowerIsBetter">Direction; inferred from the name when null.</param>
public sealed class SaveModelCallback(string monitor = "valid_loss", double minDelta = 0, string? fname = null, bool? lowerIsBetter = null)
    : TrackerCallback(monitor, minDelta, lowerIsBetter, resetOnFit: true)
{
    private Dictionary<string, Tensor>? _best;

    /// <summary>Epoch whose weights are kept.</summary>
    public int BestEpoch { get; private set; } = -1;

    public override void AfterEpoch()
    {
        base.AfterEpoch();
        if (!NewBest) return;
        Release();
        _best = Learn.Model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope());
        BestEpoch = Learn.Epoch;
        if (fname is not null) PyTorchFiles.Save(_best, fname);
    }

    public override void AfterFit()
    {
        if (_best is null) return;
        StateDicts.Load(Learn.Model, _best);
        Release();
    }

    private void Release()
    {
        foreach (var t in _best?.Values ?? Enumerable.Empty<Tensor>()) t.Dispose();
        _best = null;
    }
}
