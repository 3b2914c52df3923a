namespace NotebookDL.Learning;

/// <summary>
/// Base of callbacks that watch one column of the <see cref="Recorder"/>'s epoch row (fastai's <c>TrackerCallback</c>):
/// after each epoch it compares the monitored value with the best so far and sets <see cref="NewBest"/>. Lower is
/// better for names containing "loss" or "error", higher otherwise, unless <see cref="LowerIsBetter"/> says so.
/// </summary>
public abstract class TrackerCallback(string monitor, double minDelta, bool? lowerIsBetter, bool resetOnFit) : Callback
{
    private int _index = -1;

    /// <summary>Runs after the Recorder has written the epoch's row.</summary>
    public override int Order => 60;

    public string Monitor { get; } = monitor;

    /// <summary>Minimum change that counts as an improvement.</summary>
    public double MinDelta { get; } = Math.Abs(minDelta);

    public bool LowerIsBetter { get; } = lowerIsBetter ?? (monitor.Contains("loss") || monitor.Contains("error"));

    public double Best { get; protected set; } = double.NaN;

    /// <summary>True after an epoch whose monitored value improved on <see cref="Best"/>.</summary>
    public bool NewBest { get; private set; }

    public override void BeforeFit()
    {
        if (resetOnFit || double.IsNaN(Best)) Best = LowerIsBetter ? double.PositiveInfinity : double.NegativeInfinity;
        // Values columns are MetricNames without "epoch" and "time".
        var names = Learn.Recorder.MetricNames;
        _index = names.ToList().IndexOf(Monitor) - 1;
        if (_index < 0 || _index >= names.Count - 2)
            throw new ArgumentException($"{Name} monitors '{Monitor}', which is not recorded; choose one of: {string.Join(", ", names.Skip(1).SkipLast(1))}.");
    }

    public override void AfterEpoch()
    {
        var value = Learn.Recorder.Values[^1][_index];
        NewBest = LowerIsBetter ? value + MinDelta < Best : value - MinDelta > Best;
        if (NewBest) Best = value;
    }
}
