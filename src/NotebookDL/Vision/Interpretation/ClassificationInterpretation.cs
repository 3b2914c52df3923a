using NotebookDL.Learning;
using NotebookDL.Data;

namespace NotebookDL.Vision;

/// <summary>
/// What a classifier got right and wrong on a data set (fastai's <c>ClassificationInterpretation</c> plus the course's
/// per-class views): the confusion matrix, the most confused pairs, the items with the highest loss, and the most
/// correct, incorrect and uncertain items, shown as images when the data are images. Predictions are gathered once,
/// in <see cref="FromLearner"/>, and kept as plain arrays.
/// <example><code>
/// var interp = ClassificationInterpretation.FromLearner(learn);
/// interp.PlotConfusionMatrix();
/// interp.MostConfused(minVal: 2);
/// interp.PlotTopLosses(9);
/// </code></example>
/// </summary>
public sealed partial class ClassificationInterpretation
{
    /// <param name="probs">Probabilities, N rows of C.</param>
    /// <param name="targets">True class of each item (N).</param>
    /// <param name="losses">Loss of each item (N).</param>
    /// <param name="vocab">Class names (C).</param>
    /// <param name="items">Where item i's image comes from (the validation loader); null shows captions only.</param>
    public ClassificationInterpretation(double[][] probs, long[] targets, double[] losses, IReadOnlyList<string> vocab, BatchLoader? items = null)
    {
        ArgumentNullException.ThrowIfNull(probs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(vocab);
        if (targets.Length != probs.Length || losses.Length != probs.Length)
            throw new ArgumentException($"Got {probs.Length} predictions, {targets.Length} targets and {losses.Length} losses; they must match.");
        if (probs.Any(row => row.Length != vocab.Count))
            throw new ArgumentException($"Every prediction must have one probability per class ({vocab.Count}).", nameof(probs));
        if (targets.Any(t => t < 0 || t >= vocab.Count))
            throw new ArgumentException($"Targets must be class indices in [0, {vocab.Count}).", nameof(targets));
        (Probs, Targets, Losses, Vocab, Items) = (probs, targets, losses, vocab, items);
        Decoded = probs.Select(ArgMax).ToArray();
    }

    /// <summary>Probability of each class for each item.</summary>
    public double[][] Probs { get; }

    /// <summary>True class of each item.</summary>
    public long[] Targets { get; }

    /// <summary>Predicted class (argmax) of each item.</summary>
    public long[] Decoded { get; }

    /// <summary>Loss of each item.</summary>
    public double[] Losses { get; }

    public IReadOnlyList<string> Vocab { get; }

    /// <summary>The loader the items come from (for images), if any.</summary>
    public BatchLoader? Items { get; }

    /// <summary>Number of items.</summary>
    public int Count => Targets.Length;

    /// <summary>
    /// Gathers the learner's predictions, targets and per-item losses on <paramref name="dl"/> (the validation set by
    /// default). A vision learner's items are shown as pictures, others' by index.
    /// </summary>
    public static ClassificationInterpretation FromLearner(Learner learn, BatchLoader? dl = null)
    {
        ArgumentNullException.ThrowIfNull(learn);
        var vocab = learn.Dls.Vocab ?? throw new InvalidOperationException("ClassificationInterpretation needs a classification task: the data has no vocab.");
        IDataLoader loader = dl ?? learn.Dls.Valid;
        var pictures = dl ?? (learn as Vision.VisionLearner)?.Dls.Valid;
        var (preds, targets, losses) = learn.GetPreds(loader, withLoss: true);
        using (preds)
        using (targets)
        using (losses)
        {
            using var p = preds.to(ScalarType.Float64);
            var flat = p.ToArray<double>();
            var c = (int)preds.shape[1];
            var rows = Enumerable.Range(0, (int)preds.shape[0]).Select(i => flat.AsSpan(i * c, c).ToArray()).ToArray();
            using var l = losses!.to(ScalarType.Float64);
            return new ClassificationInterpretation(rows, targets.ToArray<long>(), l.ToArray<double>(), vocab, pictures);
        }
    }

    private static long ArgMax(double[] row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++) if (row[i] > row[best]) best = i;
        return best;
    }
}
