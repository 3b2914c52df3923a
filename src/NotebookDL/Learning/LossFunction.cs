using F = TorchSharp.torch.nn.functional;

namespace NotebookDL.Learning;

/// <summary>
/// A loss together with what inference needs to interpret the model's output, as fastai's flattened losses:
/// <see cref="Activation"/> turns raw outputs into predictions (softmax for cross entropy) and <see cref="Decodes"/>
/// turns predictions into targets (argmax). The loss takes a reduction ("mean", "sum", "none") so that per-item
/// losses (GetPreds, MixUp) come from the same function.
/// </summary>
public sealed class LossFunction
{
    private readonly Func<Tensor, Tensor, string, Tensor> _loss;
    private readonly Func<Tensor, Tensor>? _activation;
    private readonly Func<Tensor, Tensor>? _decodes;

    /// <param name="name">Identifies the loss in exported learners (see <see cref="FromName"/>).</param>
    /// <param name="loss">(pred, target, reduction) -> loss.</param>
    /// <param name="activation">Raw output -> prediction; identity when null.</param>
    /// <param name="decodes">Prediction -> decoded target; identity when null.</param>
    public LossFunction(string name, Func<Tensor, Tensor, string, Tensor> loss, Func<Tensor, Tensor>? activation = null, Func<Tensor, Tensor>? decodes = null)
    {
        Name = name;
        _loss = loss;
        _activation = activation;
        _decodes = decodes;
    }

    public string Name { get; }

    /// <summary>The loss of <paramref name="pred"/> against <paramref name="target"/>.</summary>
    public Tensor Call(Tensor pred, Tensor target, string reduction = "mean") => _loss(pred, target, reduction);

    public Tensor Activation(Tensor pred) => _activation is null ? pred.alias() : _activation(pred);

    public Tensor Decodes(Tensor prediction) => _decodes is null ? prediction.alias() : _decodes(prediction);

    /// <summary>Softmax cross entropy over the last dimension of (N, C) logits against int64 targets (N).</summary>
    public static LossFunction CrossEntropy { get; } = new("CrossEntropy",
        (p, t, r) => F.cross_entropy(p.view(-1, p.size(-1)), ClassIndices(t).view(-1), reduction: Reduction(r)),
        p => p.softmax(-1), p => p.argmax(-1));

    /// <summary>
    /// Checks cross entropy's targets up front: libtorch's own message ("expected scalar type Long but found Float")
    /// names neither the labels nor the fix.
    /// </summary>
    private static Tensor ClassIndices(Tensor target) => target.dtype == ScalarType.Int64 ? target
        : throw new ArgumentException(
            $"CrossEntropy needs labels of dtype int64 (class indices), got {target.dtype.TorchName()} labels of shape [{string.Join(", ", target.shape)}]. " +
            "Convert them with y.to(int64), or use a loss for float targets (Mse, BceWithLogits).", nameof(target));

    /// <summary>Mean squared error of flattened prediction and target (regression).</summary>
    public static LossFunction Mse { get; } = new("MSE", (p, t, r) => F.mse_loss(p.view(-1), t.view(-1).to(p.dtype), Reduction(r)));

    /// <summary>Mean absolute error of flattened prediction and target.</summary>
    public static LossFunction L1 { get; } = new("L1", (p, t, r) => F.l1_loss(p.view(-1), t.view(-1).to(p.dtype), Reduction(r)));

    /// <summary>Binary cross entropy on logits (multi-label); predictions are sigmoids, decoded with threshold 0.5.</summary>
    public static LossFunction BceWithLogits { get; } = new("BCEWithLogits",
        (p, t, r) => F.binary_cross_entropy_with_logits(p, t.to(p.dtype), reduction: Reduction(r)),
        p => p.sigmoid(), p => p.gt(0.5));

    /// <summary>The built-in loss called <paramref name="name"/> (used when loading an exported learner).</summary>
    public static LossFunction FromName(string name) => name switch
    {
        "CrossEntropy" => CrossEntropy,
        "MSE" => Mse,
        "L1" => L1,
        "BCEWithLogits" => BceWithLogits,
        _ => throw new ArgumentException($"Unknown loss function '{name}': only CrossEntropy, MSE, L1 and BCEWithLogits can be rebuilt from a name.", nameof(name)),
    };

    /// <summary>A mean-reduced loss function from a plain delegate (per-item losses are not available then).</summary>
    public static implicit operator LossFunction(Func<Tensor, Tensor, Tensor> loss) =>
        new("custom", (p, t, r) => r == "mean" ? loss(p, t)
            : throw new NotSupportedException($"This loss is a plain (pred, target) function, so reduction \"{r}\" is unavailable; wrap it in a LossFunction that supports it."));

    public override string ToString() => Name;

    // PyTorch's reduction names, which the Learner passes around, as TorchSharp's enum.
    private static nn.Reduction Reduction(string name) => name switch
    {
        "mean" => nn.Reduction.Mean,
        "sum" => nn.Reduction.Sum,
        "none" => nn.Reduction.None,
        _ => throw new ArgumentException($"Unknown reduction \"{name}\": use \"mean\", \"sum\" or \"none\".", nameof(name)),
    };
}
