using System.Globalization;
using NotebookDL.Display;

namespace NotebookDL.Learning;

/// <summary>
/// Shows a fit live through <see cref="ProgressDisplay"/>: a bar over every batch of the fit with the current epoch,
/// phase and smoothed loss, the epoch table (the <see cref="Recorder"/>'s row after each epoch) and a loss plot. In a
/// notebook it updates in place; without one it prints plain lines. Runs after the Recorder (Order 60).
/// </summary>
public sealed class ProgressCallback(ProgressOptions? options = null) : Callback
{
    private ProgressDisplay? _progress;
    private bool _planned;
    private int _done;
    private int _epochBatches;

    public override int Order => 60;

    /// <summary>The display of the current (or last) fit.</summary>
    public ProgressDisplay? Display => _progress;

    public override void BeforeFit()
    {
        _progress?.Dispose();
        var plan = Learn.GetCallback<IPlannedFit>();
        _planned = plan is not null;
        _done = 0;
        var total = plan?.PlannedBatches ?? EpochBatches() * Learn.NEpoch;
        _progress = new ProgressDisplay(total, Learn.Logging ? "fit" : null,
            (options ?? new ProgressOptions()) with { PlotTitle = "loss", PlotXTitle = "batch" });
    }

    public override void BeforeEpoch()
    {
        // Count is exact for the pass about to start; a language model's epochs differ by a few batches, so the total
        // is re-estimated from the epochs done and this one's length (exact from the last epoch on).
        _epochBatches = EpochBatches();
        if (_progress is not null && !_planned) _progress.Total = _done + (Learn.NEpoch - Learn.Epoch) * _epochBatches;
    }

    public override void AfterBatch()
    {
        if (_progress is null) return;
        _progress.Advance();
        if (!Learn.Training) return;
        if (Learn.Logging) _progress.AddPoint("train_loss", Learn.TrainIter, Learn.SmoothLoss);
        _progress.Comment = $"epoch {Learn.Epoch + 1}/{Learn.NEpoch} loss {Learn.SmoothLoss.ToString("F4", CultureInfo.InvariantCulture)}";
    }

    public override void AfterEpoch()
    {
        if (_progress is null) return;
        // Skipped phases (a cancelled epoch) leave the bar short; keep it aligned with the epochs done.
        _done += _epochBatches;
        if (!_planned && _progress.Value < _done) _progress.Set(_done);
        if (!Learn.Logging) return;
        var recorder = Learn.GetCallback<Recorder>();
        if (recorder is null) return;
        var names = recorder.MetricNames;
        var log = recorder.Log;
        var row = new Dictionary<string, object>();
        for (var i = 0; i < names.Count && i < log.Count; i++) row[names[i]] = Cell(log[i]);
        _progress.AddRow(row);
        if (recorder.Values.Count > 0 && !double.IsNaN(recorder.Values[^1][1]))
            _progress.AddPoint("valid_loss", Learn.TrainIter, recorder.Values[^1][1]);
    }

    public override void AfterFit()
    {
        if (_progress is null) return;
        // A planned fit (lr_find) ends where its plan says, at its batch count or earlier when the loss diverges: that
        // is its end, not an interruption.
        if (_planned) _progress.Total = _progress.Value;
        _progress.Complete();
    }

    private int EpochBatches() => Learn.Dls.Train.Count + Learn.Dls.Valid.Count;

    private static object Cell(object value) => value switch
    {
        double d => d.ToString("F6", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"mm\:ss", CultureInfo.InvariantCulture),
        _ => value,
    };
}
