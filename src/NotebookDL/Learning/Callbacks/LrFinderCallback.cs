
namespace NotebookDL.Learning;

/// <summary>
/// Drives lr_find: raises the learning rate of every group exponentially from startLr to endLr over numIt training
/// batches, stops when the smoothed loss diverges (above divergenceFactor x the best) or numIt is reached, skips
/// validation, and afterwards restores the model's and optimizer's state as they were before (kept in memory).
/// </summary>
public sealed class LrFinderCallback(double startLr, double endLr, int numIt, bool stopDiv, double divergenceFactor = 4) : Callback, IPlannedFit
{
    private readonly Func<double, double> _sched = Sched.Exp(startLr, endLr);
    private Dictionary<string, Tensor>? _modelState;
    private OptimizerStateDict? _optState;

    public override int Order => 60;

    /// <summary>Iterations run; fastai raises values under 6 to 6 so that the suggestions have points to work with.</summary>
    public int NumIt { get; } = Math.Max(numIt, 6);

    int IPlannedFit.PlannedBatches => NumIt;

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>True when the fit stopped because the loss diverged.</summary>
    public bool Diverged { get; private set; }

    public override void BeforeFit()
    {
        _modelState = Learn.Model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope());
        var opt = Learn.Opt!.state_dict();
        // state_dict() hands out the live buffers; clone them so training cannot change the snapshot.
        _optState = new OptimizerStateDict(
            opt.state.ToDictionary(s => s.Key, s => s.Value.ToDictionary(b => b.Key, b => b.Value.clone().DetachFromDisposeScope())),
            opt.param_groups.Select(g => new Dictionary<string, object>(g)).ToList());
        BestLoss = double.PositiveInfinity;
        Diverged = false;
    }

    public override void BeforeBatch()
    {
        if (!Learn.Training) return;
        var lr = _sched((double)Learn.TrainIter / NumIt);
        foreach (var g in Learn.Opt!.param_groups) g.lr = lr;
    }

    public override void AfterBatch()
    {
        if (!Learn.Training) return;
        var loss = Learn.SmoothLoss;
        if (loss < BestLoss) BestLoss = loss;
        if (stopDiv && (double.IsNaN(loss) || loss > divergenceFactor * BestLoss))
        {
            Diverged = true;
            throw new CancelFitException();
        }
        if (Learn.TrainIter >= NumIt) throw new CancelFitException();
    }

    public override void BeforeValidate() => throw new CancelValidException();

    public override void AfterFit() => Restore();

    /// <summary>Puts back the model and optimizer state saved before the sweep. Idempotent.</summary>
    public void Restore()
    {
        if (_modelState is null || _optState is null) return;
        Learn.Opt!.zero_grad();
        StateDicts.Load(Learn.Model, _modelState);
        Learn.Opt.load_state_dict(_optState);
        foreach (var t in _modelState.Values.Concat(_optState.state.Values.SelectMany(s => s.Values))) t.Dispose();
        (_modelState, _optState) = (null, null);
    }
}
