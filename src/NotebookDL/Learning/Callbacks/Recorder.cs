using System.Diagnostics;

namespace NotebookDL.Learning;

/// <summary>
/// Records training: per training batch the smoothed loss (<see cref="Losses"/>), the raw loss, the learning rate and
/// momentum of the last parameter group; per epoch a row of [train_loss, valid_loss, metrics...] (<see cref="Values"/>).
/// Also maintains <see cref="Learner.SmoothLoss"/> and accumulates the learner's metrics on the validation set.
/// Plots are in Recorder.Plots.
/// </summary>
public sealed partial class Recorder : Callback
{
    private readonly AvgLoss _trainLoss = new();
    private readonly AvgLoss _validLoss = new();
    private AvgSmoothLoss _smoothLoss = new(LearnerDefaults.Values.SmoothBeta);
    private readonly Stopwatch _epochTime = new();
    private double[] _row = [];
    private TimeSpan? _time;

    public override int Order => 50;

    /// <summary>Smoothed training loss after each training batch (what lr_find plots).</summary>
    public List<double> Losses { get; } = [];

    /// <summary>Unsmoothed training loss of each batch.</summary>
    public List<double> RawLosses { get; } = [];

    /// <summary>Learning rate of the last parameter group at each training batch.</summary>
    public List<double> Lrs { get; } = [];

    /// <summary>Momentum (Adam: beta1) of the last parameter group at each training batch.</summary>
    public List<double> Moms { get; } = [];

    /// <summary>Training-batch count at the end of each epoch (x positions of the validation points).</summary>
    public List<int> EpochIters { get; } = [];

    /// <summary>Per epoch: train_loss, valid_loss, then each metric (same order as <see cref="MetricNames"/>[1..^1]).</summary>
    public List<double[]> Values { get; } = [];

    /// <summary>Column names of the epoch table: epoch, train_loss, valid_loss, metrics..., time.</summary>
    public IReadOnlyList<string> MetricNames => ["epoch", "train_loss", "valid_loss", .. Learn.Metrics.Select(m => m.Name), "time"];

    /// <summary>The current epoch's table row, filled as the epoch progresses (epoch, train_loss, valid_loss, ..., time).</summary>
    public IReadOnlyList<object> Log =>
        [Learn.Epoch, .. _row.Cast<object>(), .. _time is { } t ? new object[] { t } : []];

    /// <summary>Loss and metrics of the most recent validation pass.</summary>
    public ValidationResult? LastValidation { get; private set; }

    public override void BeforeFit()
    {
        Losses.Clear();
        RawLosses.Clear();
        Lrs.Clear();
        Moms.Clear();
        Values.Clear();
        EpochIters.Clear();
        _smoothLoss = new AvgSmoothLoss(LearnerDefaults.Values.SmoothBeta);
        Learn.SmoothLoss = double.NaN;
    }

    public override void BeforeEpoch()
    {
        _epochTime.Restart();
        _time = null;
        // NaN until the phase reports: a cancelled phase leaves its columns empty but aligned.
        _row = Enumerable.Repeat(double.NaN, 2 + Learn.Metrics.Count).ToArray();
    }

    public override void BeforeTrain() => _trainLoss.Reset();

    public override void BeforeValidate()
    {
        _validLoss.Reset();
        foreach (var m in Learn.Metrics) m.Reset();
    }

    public override void AfterBatch()
    {
        if (Learn.Loss is null) return;
        if (!Learn.Training)
        {
            _validLoss.Accumulate(Learn);
            foreach (var m in Learn.Metrics) m.Accumulate(Learn);
            return;
        }
        using var mean = Learn.Loss.mean();
        var raw = mean.Item();
        _smoothLoss.Add(raw);
        Learn.SmoothLoss = _smoothLoss.Value;
        _trainLoss.Accumulate(Learn);
        RawLosses.Add(raw);
        Losses.Add(Learn.SmoothLoss);
        if (Learn.Opt is { } opt)
        {
            Lrs.Add(opt.param_groups[^1].lr);
            Moms.Add(opt.param_groups[^1].momentum);
        }
    }

    public override void AfterTrain()
    {
        if (_row.Length > 0) _row[0] = _trainLoss.Value;
    }

    public override void AfterValidate()
    {
        var metrics = Learn.Metrics.ToDictionary(m => m.Name, m => m.Value);
        LastValidation = new ValidationResult(_validLoss.Value, metrics);
        // Validate() outside a fit has no epoch row to fill.
        if (_row.Length != 2 + Learn.Metrics.Count) return;
        _row[1] = _validLoss.Value;
        for (var i = 0; i < Learn.Metrics.Count; i++) _row[2 + i] = Learn.Metrics[i].Value;
    }

    public override void AfterEpoch()
    {
        _time = _epochTime.Elapsed;
        Values.Add([.. _row]);
        EpochIters.Add(Learn.TrainIter);
    }

    public override void AfterFit() => _row = [];
}

/// <summary>Validation loss and metric values by name. Deconstructs as <c>var (loss, metrics) = learn.Validate();</c>.</summary>
public sealed record ValidationResult(double Loss, IReadOnlyDictionary<string, double> Metrics)
{
    public override string ToString() =>
        $"valid_loss {Loss:F6}" + string.Concat(Metrics.Select(m => $", {m.Key} {m.Value:F6}"));
}
