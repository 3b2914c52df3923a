using NotebookDL.Data;

namespace NotebookDL.Learning;

// The training loop. It does nothing but fire events around the work of each level; every level goes through
// WithEvents, which also handles that level's documented Cancel exception.
public partial class Learner
{
    /// <summary>
    /// Trains for <paramref name="nEpoch"/> epochs at a constant learning rate (recipes add schedules through callbacks).
    /// </summary>
    /// <param name="nEpoch">Passes over the training set.</param>
    /// <param name="lr">Per-group rates (a value or <see cref="Lr.Slice(double, double)"/>); <see cref="Lr"/> when null.</param>
    /// <param name="wd">Weight decay for this fit; <see cref="Wd"/> when null.</param>
    /// <param name="cbs">Callbacks attached for this fit only.</param>
    /// <param name="resetOpt">Start from a fresh optimizer (drops momentum and Adam statistics).</param>
    public void Fit(int nEpoch, LrSpec? lr = null, double? wd = null, IEnumerable<ICallback>? cbs = null, bool resetOpt = false)
    {
        NotebookDL.Engine.ThreadPolicy.Retune(); // a new workload: its steps choose the thread count anew
        ArgumentOutOfRangeException.ThrowIfNegative(nEpoch);
        using var added = AddedCbs(cbs);
        ModelToDataDevice();
        if (resetOpt || Opt is null) CreateOpt();
        SetHyper((g, v) => g.weight_decay = v, Enumerable.Repeat(wd ?? Wd, Opt!.param_groups.Count).ToArray());
        SetLr(lr ?? Lr);
        NEpoch = nEpoch;
        // Callbacks switch grad mode (validation runs under no_grad); a failing callback must not leave this thread there.
        var gradEnabled = torch.is_grad_enabled();
        try
        {
            WithEvents<CancelFitException>(TrainEvent.BeforeFit, DoFit, TrainEvent.AfterCancelFit, TrainEvent.AfterFit);
        }
        finally
        {
            torch.set_grad_enabled(gradEnabled);
            ClearBatchState();
        }
    }

    private void DoFit()
    {
        for (var epoch = 0; epoch < NEpoch; epoch++)
        {
            Epoch = epoch;
            WithEvents<CancelEpochException>(TrainEvent.BeforeEpoch, DoEpoch, TrainEvent.AfterCancelEpoch, TrainEvent.AfterEpoch);
        }
    }

    private void DoEpoch()
    {
        Dl = Dls.Train;
        WithEvents<CancelTrainException>(TrainEvent.BeforeTrain, AllBatches, TrainEvent.AfterCancelTrain, TrainEvent.AfterTrain);
        DoValidate(Dls.Valid);
    }

    /// <summary>One validation pass over <paramref name="dl"/> (eval mode and no_grad come from TrainEvalCallback).</summary>
    private void DoValidate(IDataLoader dl)
    {
        Dl = dl;
        WithEvents<CancelValidException>(TrainEvent.BeforeValidate, AllBatches, TrainEvent.AfterCancelValidate, TrainEvent.AfterValidate);
    }

    private void AllBatches()
    {
        var dl = Dl ?? throw new InvalidOperationException("No data loader is selected.");
        NIter = dl.Count;
        var i = 0;
        foreach (var batch in dl) OneBatch(i++, batch);
    }

    private void OneBatch(int i, Batch batch)
    {
        // Everything a step creates (activations, loss, gradients' wrappers) dies with this scope, so memory stays flat.
        using (torch.NewDisposeScope())
        using (batch)
        {
            Iter = i;
            CheckBatchSizes(batch);
            X = batch.X;
            Y = batch.Y;
            try
            {
                WithEvents<CancelBatchException>(TrainEvent.BeforeBatch, DoOneBatch, TrainEvent.AfterCancelBatch, TrainEvent.AfterBatch);
            }
            finally
            {
                ClearBatchState();
            }
        }
        // What no scope tracks: TorchSharp's own Scalars, which fragment the heap if left to the GC's schedule.
        NotebookDL.Engine.ScalarSweep.AfterBatch();
        NotebookDL.Engine.ThreadPolicy.Adjust(timeSteps: true);
    }

    /// <summary>
    /// x and y must agree on the batch dimension. Checked here because the loss would otherwise fail deep in libtorch
    /// (or, for losses that broadcast, silently train on the wrong pairs).
    /// </summary>
    private void CheckBatchSizes(Batch batch)
    {
        var (x, y) = (batch.X, batch.Y);
        if (x.dim() == 0 || y.dim() == 0 || x.shape[0] == y.shape[0]) return;
        var pass = Training ? "training" : "validation";
        throw new InvalidOperationException(
            $"Batch {Iter} of the {pass} loader has x batch size {x.shape[0]} (shape [{string.Join(", ", x.shape)}]) but y batch size {y.shape[0]} " +
            $"(shape [{string.Join(", ", y.shape)}]); every batch needs as many targets as inputs along dimension 0.");
    }

    private void DoOneBatch()
    {
        Pred = Model.call(X!);
        Call(TrainEvent.AfterPred);
        Loss = LossFunc.Call(Pred, Y!);
        LossGrad = Loss;
        Call(TrainEvent.AfterLoss);
        if (!Training) return;
        WithEvents<CancelBackwardException>(TrainEvent.BeforeBackward, () => LossGrad!.backward(), TrainEvent.AfterCancelBackward, TrainEvent.AfterBackward);
        WithEvents<CancelStepException>(TrainEvent.BeforeStep, () => Opt!.step(), TrainEvent.AfterCancelStep, TrainEvent.AfterStep);
        Opt!.zero_grad();
    }

    private void ClearBatchState() => (X, Y, Pred, Loss, LossGrad) = (null, null, null, null, null);

    /// <summary>
    /// Fires <paramref name="before"/>, runs <paramref name="body"/>, and always fires <paramref name="after"/>;
    /// a <typeparamref name="TCancel"/> from either ends the level early and fires <paramref name="cancelled"/> first.
    /// </summary>
    private void WithEvents<TCancel>(TrainEvent before, Action body, TrainEvent cancelled, TrainEvent after) where TCancel : CancelException
    {
        try
        {
            Call(before);
            body();
        }
        catch (TCancel)
        {
            Call(cancelled);
        }
        Call(after);
    }

    /// <summary>
    /// Runs every callback for <paramref name="trainEvent"/>. Cancel exceptions pass through untouched (they are
    /// control flow), as does <see cref="NonFiniteLossException"/> (its message is the whole story); any other
    /// failure is rethrown as a <see cref="CallbackException"/> naming callback and event.
    /// </summary>
    public void Call(TrainEvent trainEvent)
    {
        // A snapshot, so a callback may add or remove callbacks while the event runs.
        foreach (var cb in _cbs.ToArray())
        {
            try
            {
                cb.Handle(trainEvent);
            }
            catch (Exception e) when (e is not (CancelException or CallbackException or NonFiniteLossException or OperationCanceledException or ThreadInterruptedException))
            {
                throw new CallbackException(cb, trainEvent, e);
            }
        }
    }
}
