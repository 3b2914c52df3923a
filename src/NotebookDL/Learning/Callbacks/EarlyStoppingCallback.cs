namespace NotebookDL.Learning;

/// <summary>
/// Ends the fit when the monitored value has not improved for <paramref name="patience"/> epochs (fastai's
/// <c>EarlyStoppingCallback</c>), by raising <see cref="CancelFitException"/>.
/// </summary>
public sealed class EarlyStoppingCallback(string monitor = "valid_loss", double minDelta = 0, int patience = 1, bool? lowerIsBetter = null)
    : TrackerCallback(monitor, minDelta, lowerIsBetter, resetOnFit: true)
{
    private int _wait;

    public int Patience { get; } = patience;

    /// <summary>The epoch at which the fit was stopped, or null.</summary>
    public int? StoppedEpoch { get; private set; }

    public override void BeforeFit()
    {
        base.BeforeFit();
        _wait = 0;
        StoppedEpoch = null;
    }

    public override void AfterEpoch()
    {
        base.AfterEpoch();
        _wait = NewBest ? 0 : _wait + 1;
        if (_wait < Patience) return;
        StoppedEpoch = Learn.Epoch;
        Console.WriteLine($"No improvement since epoch {Learn.Epoch - _wait}: early stopping");
        throw new CancelFitException();
    }
}
