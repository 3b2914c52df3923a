namespace NotebookDL.Learning;

/// <summary>
/// Divides every group's learning rate by <paramref name="factor"/> (not below <paramref name="minLr"/>) when the
/// monitored value has not improved for <paramref name="patience"/> epochs (fastai's <c>ReduceLROnPlateau</c>).
/// </summary>
public sealed class ReduceLROnPlateau(string monitor = "valid_loss", double minDelta = 0, int patience = 1, double factor = 10, double minLr = 0,
    bool? lowerIsBetter = null) : TrackerCallback(monitor, minDelta, lowerIsBetter, resetOnFit: true)
{
    private int _wait;

    public override void BeforeFit()
    {
        base.BeforeFit();
        _wait = 0;
    }

    public override void AfterEpoch()
    {
        base.AfterEpoch();
        _wait = NewBest ? 0 : _wait + 1;
        if (_wait < patience) return;
        _wait = 0;
        var groups = Learn.Opt!.param_groups;
        var old = groups[^1].lr;
        foreach (var g in groups) g.lr = Math.Max(g.lr / factor, minLr);
        if (groups[^1].lr < old) Console.WriteLine($"Epoch {Learn.Epoch}: reducing lr to {Display.Formatting.ValueText.Number(groups[^1].lr, 3)}");
    }
}
