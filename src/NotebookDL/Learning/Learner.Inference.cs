using NotebookDL.Data;

namespace NotebookDL.Learning;

/// <summary>The decoded prediction for one item.</summary>
/// <param name="Label">The class name (from the vocab) for classification, else null.</param>
/// <param name="Decoded">The decoded output (class index, thresholded labels or regression values), flattened.</param>
/// <param name="Output">The activated output (class probabilities for cross entropy), flattened.</param>
public sealed record Prediction(string? Label, double[] Decoded, double[] Output)
{
    public override string ToString() => Label ?? $"[{string.Join(", ", Decoded.Select(d => d.ToString("G6")))}]";
}

// Inference: validation with metrics, gathering predictions, predicting one item. All passes go through the same
// events as training (BeforeValidate ... AfterValidate), so callbacks (eval mode, no_grad) apply.
public partial class Learner
{
    /// <summary>Loss and metrics on <paramref name="dl"/> (the validation set by default), without logging a row.</summary>
    public ValidationResult Validate(IDataLoader? dl = null, IEnumerable<ICallback>? cbs = null)
    {
        var recorder = GetCallback<Recorder>() ?? throw new InvalidOperationException("Validate needs the Recorder callback, which computes loss and metrics.");
        RunValidation(dl ?? Dls.Valid, cbs);
        return recorder.LastValidation ?? throw new InvalidOperationException("Validation did not run to the end.");
    }

    /// <summary>
    /// Activated predictions (softmax probabilities for cross entropy), targets and per-item losses on
    /// <paramref name="dl"/> (the validation set by default). The caller owns (disposes) the tensors.
    /// </summary>
    public (Tensor Preds, Tensor Targets, Tensor? Losses) GetPreds(IDataLoader? dl = null, bool withLoss = true)
    {
        var gather = new GatherPredsCallback(withLoss);
        RunValidation(dl ?? Dls.Valid, [gather]);
        return gather.Take();
    }

    /// <summary>
    /// Predicts one item (no batch dimension): applies <see cref="ItemTransform"/>, runs the model in eval mode, and
    /// decodes the output with the loss function (argmax -> vocab label for classification).
    /// </summary>
    public Prediction Predict(Tensor item)
    {
        ModelToDataDevice();
        var wasTraining = Model.training;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Model.eval();
        try
        {
            var x = (ItemTransform?.Apply(item) ?? item).unsqueeze(0).to(Dls.Device);
            var output = LossFunc.Activation(Model.call(x))[0];
            var decoded = LossFunc.Decodes(output);
            var decodedValues = decoded.cpu().to(ScalarType.Float64).ToArray<double>();
            string? label = null;
            if (Dls.Vocab is { } vocab && decoded.numel() == 1 && !decoded.is_floating_point())
            {
                var index = (int)decoded.Item();
                label = index >= 0 && index < vocab.Count ? vocab[index] : null;
            }
            return new Prediction(label, decodedValues, output.cpu().to(ScalarType.Float64).ToArray<double>());
        }
        finally
        {
            Model.train(wasTraining);
        }
    }

    private void RunValidation(IDataLoader dl, IEnumerable<ICallback>? cbs)
    {
        using var added = AddedCbs(cbs);
        ModelToDataDevice();
        var (logging, gradEnabled, wasTraining) = (Logging, torch.is_grad_enabled(), Model.training);
        Logging = false;
        try
        {
            DoValidate(dl);
        }
        finally
        {
            Logging = logging;
            torch.set_grad_enabled(gradEnabled);
            Model.train(wasTraining);
            ClearBatchState();
        }
    }
}
