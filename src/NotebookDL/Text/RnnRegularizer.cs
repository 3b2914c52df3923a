using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>
/// Activation regularisation (AR) and temporal activation regularisation (TAR) of Merity et al. (2017), as fastai's
/// <c>RNNRegularizer</c>: in training, <see cref="Learner.LossGrad"/> gains <c>alpha · mean(dropped²)</c> (large
/// activations cost) and <c>beta · mean((raw[:, t+1] − raw[:, t])²)</c> (activations that jump from step to step cost),
/// read from the model's last layer (<see cref="IRnnActivations"/>). The reported loss stays the plain loss. The text
/// learners add it with fastai's alpha 2 and beta 1.
/// </summary>
public sealed class RnnRegularizer : Callback
{
    /// <param name="alpha">Weight of AR; 0 turns it off.</param>
    /// <param name="beta">Weight of TAR; 0 turns it off.</param>
    public RnnRegularizer(double alpha = 2, double beta = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(beta);
        (Alpha, Beta) = (alpha, beta);
    }

    public double Alpha { get; }

    public double Beta { get; }

    public override void AfterLoss()
    {
        if (!Learn.Training || Learn.LossGrad is not { } lossGrad || (Alpha == 0 && Beta == 0)) return;
        if (Learn.Model is not IRnnActivations { RawOutput: { } raw, DroppedOutput: { } dropped })
            throw new InvalidOperationException($"RnnRegularizer needs a model that shows its last layer's activations (IRnnActivations, as LanguageModel and TextClassifier do); this learner's model is a {Learn.Model.GetType().Name}.");
        Learn.LossGrad = lossGrad + Penalty(raw, dropped, Alpha, Beta);
    }

    /// <summary>AR on <paramref name="dropped"/> plus TAR on <paramref name="raw"/> (both (bs, seq, features)).</summary>
    public static Tensor Penalty(Tensor raw, Tensor dropped, double alpha, double beta)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(dropped);
        if (raw.ndim != 3 || dropped.ndim != 3)
            throw new ArgumentException($"AR and TAR read (batch, sequence, features) activations, got [{string.Join(", ", raw.shape)}] and [{string.Join(", ", dropped.shape)}].");
        using var scope = torch.NewDisposeScope();
        var penalty = torch.zeros([], dtype: raw.dtype, device: raw.device);
        if (alpha > 0) penalty = penalty + alpha * dropped.pow(2).mean();
        // One step has no neighbour to differ from (fastai skips TAR then too).
        if (beta > 0 && raw.shape[1] > 1)
        {
            var steps = raw.shape[1];
            penalty = penalty + beta * (raw.narrow(1, 1, steps - 1) - raw.narrow(1, 0, steps - 1)).pow(2).mean();
        }
        return penalty.MoveToOuterDisposeScope();
    }
}
