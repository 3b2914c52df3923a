using System.Globalization;
using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Display.Formatting;
using NotebookDL.Learning;

namespace NotebookDL.Vision;

/// <summary>Accuracy of the same model with and without test-time augmentation (see <see cref="VisionLearner.TtaAccuracy"/>).</summary>
public sealed record TtaAccuracyResult(double Plain, double WithTta, int N, double Beta)
{
    // Shown as a two-row table, not as the record's four raw properties.
    // Registered when the assembly loads, so a host that bridges NotebookDL's formatters finds it (Formatter.RegisteredTypes).
#pragma warning disable CA2255 // a formatter registration, not a process change
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterFormatter() => Formatter.Register<TtaAccuracyResult>(r => MimeBundle.PlainText(r.ToString()).With(MimeBundle.TextHtml, r.ToHtml()));
#pragma warning restore CA2255

    public string ToHtml()
    {
        var table = new HtmlTable(["prediction", "accuracy"]);
        table.AddRow(["plain", Plain.ToString("P2", CultureInfo.InvariantCulture)]);
        table.AddRow([string.Create(CultureInfo.InvariantCulture, $"with TTA ({N} augmented passes, beta {Beta})"), WithTta.ToString("P2", CultureInfo.InvariantCulture)]);
        return table.ToHtml();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"accuracy {Plain:P2} without TTA, {WithTta:P2} with TTA (n {N}, beta {Beta})");
}

/// <summary>Test-time augmentation, as fastai v2's <c>Learner.tta</c>.</summary>
public sealed partial class VisionLearner
{
    /// <summary>
    /// Predicts the validation set <paramref name="n"/> times with the training augmentations switched on (a new
    /// random draw each pass), averages those probabilities, and blends the average with the plain prediction:
    /// <c>preds = lerp(augMean, plain, beta) = (1 - beta) * augMean + beta * plain</c>. With
    /// <paramref name="useMax"/> the element-wise maximum over all passes is returned instead. Returns
    /// probabilities (N, C) and targets (N); the caller owns both.
    /// </summary>
    /// <param name="n">Augmented passes.</param>
    /// <param name="beta">Weight of the un-augmented prediction.</param>
    /// <param name="useMax">Take the maximum over passes instead of blending means.</param>
    /// <param name="augmented">The loader of augmented pass i; by default the validation items with the training
    /// transforms (random item and batch transforms in training mode), seeded per pass.</param>
    /// <example><code>
    /// var (probs, targets) = Tta();
    /// var accuracy = MetricFunctions.Accuracy(probs, targets).item&lt;double&gt;();
    /// </code></example>
    public (Tensor Probs, Tensor Targets) Tta(int n = 4, double beta = 0.25, bool useMax = false,
        Func<int, IDataLoader>? augmented = null)
    {
        var (probs, plain, targets) = Passes(n, beta, useMax, augmented);
        plain.Dispose();
        return (probs, targets);
    }

    /// <summary>Accuracy on the validation set with and without <see cref="Tta"/> (the plain pass is shared).</summary>
    public TtaAccuracyResult TtaAccuracy(int n = 4, double beta = 0.25)
    {
        var (probs, plain, targets) = Passes(n, beta, useMax: false, augmented: null);
        using (probs)
        using (plain)
        using (targets)
        using (var plainAccuracy = MetricFunctions.Accuracy(plain, targets))
        using (var ttaAccuracy = MetricFunctions.Accuracy(probs, targets))
            return new TtaAccuracyResult(plainAccuracy.Item(), ttaAccuracy.Item(), n, beta);
    }

    // The combined TTA probabilities, the plain ones and the targets; the caller owns all three.
    private (Tensor Probs, Tensor Plain, Tensor Targets) Passes(int n, double beta, bool useMax,
        Func<int, IDataLoader>? augmented)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (beta is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta weighs the plain prediction and must be in [0, 1].");
        var passLoader = augmented ?? AugmentedValid(Dls);
        var passes = new List<Tensor>();
        try
        {
            for (var i = 0; i < n; i++)
            {
                var (p, targets, _) = GetPreds(passLoader(i), withLoss: false);
                targets.Dispose();
                passes.Add(p);
            }
            var (plain, y, _) = GetPreds(Dls.Valid, withLoss: false);
            try
            {
                return (Combine(passes, plain, beta, useMax), plain, y);
            }
            catch
            {
                plain.Dispose();
                y.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var p in passes) p.Dispose();
        }
    }

    /// <summary>
    /// fastai's combination of the passes: the mean of <paramref name="augmented"/> (or with <paramref name="useMax"/>
    /// the maximum over them and <paramref name="plain"/>), linearly interpolated towards <paramref name="plain"/> by
    /// <paramref name="beta"/>. Returns a new tensor.
    /// </summary>
    public static Tensor Combine(IReadOnlyList<Tensor> augmented, Tensor plain, double beta, bool useMax = false)
    {
        if (augmented.Count == 0) throw new ArgumentException("TTA needs at least one augmented pass.", nameof(augmented));
        using var scope = torch.NewDisposeScope();
        var stacked = torch.stack(augmented.ToArray());
        var result = useMax
            ? torch.stack([stacked.amax([0]), plain]).amax([0])
            : torch.lerp(stacked.mean([0]), plain, beta);
        return result.DetachFromDisposeScope();
    }

    /// <summary>Pass i: the validation items through the training-mode transforms, with a seed of its own.</summary>
    private static Func<int, IDataLoader> AugmentedValid(DataLoaders dls)
    {
        var valid = dls.Valid;
        return i => new BatchLoader(valid.Dataset, valid.Bs, shuffle: false, dropLast: false, valid.NumWorkers, valid.Seed + 7919 * (i + 1),
            valid.BatchTransforms, valid.Device, training: true);
    }
}
