namespace NotebookDL.Learning;

/// <summary>
/// Stops training when a training batch's loss is NaN or infinite (fastai's <c>TerminateOnNaNCallback</c>), by
/// throwing a <see cref="NonFiniteLossException"/> that names the epoch and batch. On by default in every
/// <see cref="Learner"/>: once the loss is NaN the weights become NaN at the next step, and every later epoch
/// would only print NaN. Remove it with <c>learn.RemoveCb(learn.GetCallback&lt;TerminateOnNaN&gt;()!)</c>.
/// </summary>
public sealed class TerminateOnNaN : Callback
{
    /// <summary>Right after the loss (before anything else reads it), so that backward and step never see it.</summary>
    public override int Order => -5;

    public override void AfterLoss()
    {
        // lr_find pushes the rate until the loss blows up on purpose and handles divergence itself (stopDiv).
        if (!Learn.Training || Learn.Loss is not { } loss || Learn.GetCallback<LrFinderCallback>() is not null) return;
        double value;
        if (loss.numel() == 1) value = loss.Item();
        else
        {
            using var mean = loss.mean(); // a loss left unreduced by a custom function: any NaN makes the mean NaN
            value = mean.Item();
        }
        if (double.IsFinite(value)) return;
        throw new NonFiniteLossException(Learn.Epoch, Learn.Iter, Learn.NIter, value);
    }
}

/// <summary>Training stopped because the loss stopped being a finite number (see <see cref="TerminateOnNaN"/>).</summary>
public sealed class NonFiniteLossException(int epoch, int batch, int batches, double loss) : Exception(
    $"Training stopped: the loss is {loss} at epoch {epoch}, batch {batch} (of {batches}); the weights were not updated with it. " +
    "Usual causes: a learning rate that is too high (try LrFind), unnormalised inputs, or NaN/Inf in the data.")
{
    /// <summary>Zero-based epoch of the batch.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>Zero-based index of the batch within the epoch.</summary>
    public int Batch { get; } = batch;

    public double Loss { get; } = loss;
}
