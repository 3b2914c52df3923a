
namespace NotebookDL.Learning;

/// <summary>
/// The metric formulas on tensors, as functions of (predictions, targets). <see cref="Metrics"/> wraps them into
/// accumulating metrics; these are usable on their own too.
/// </summary>
public static class MetricFunctions
{
    /// <summary>Fraction of rows of (N, C) scores whose argmax equals the int64 target (N).</summary>
    public static Tensor Accuracy(Tensor pred, Tensor target)
    {
        using var labels = pred.argmax(-1);
        using var flat = target.reshape(labels.shape);
        using var hits = labels.eq(flat);
        return hits.to(ScalarType.Float64).mean();
    }

    /// <summary>1 - accuracy.</summary>
    public static Tensor ErrorRate(Tensor pred, Tensor target)
    {
        using var accuracy = Accuracy(pred, target);
        return 1.0 - accuracy;
    }

    /// <summary>Fraction of targets among the <paramref name="k"/> highest scores of their row.</summary>
    public static Tensor TopKAccuracy(Tensor pred, Tensor target, int k = 5)
    {
        var (values, indices) = pred.topk(k, -1);
        using (values)
        using (indices)
        using (var t = target.reshape(-1, 1))
        using (var hits = indices.eq(t))
        using (var any = hits.any(-1))
            return any.to(ScalarType.Float64).mean();
    }

    /// <summary>Mean absolute error of flattened tensors.</summary>
    public static Tensor Mae(Tensor pred, Tensor target)
    {
        using var diff = Diff(pred, target);
        using var abs = diff.abs();
        return abs.mean();
    }

    /// <summary>Root mean squared error over everything given.</summary>
    public static double Rmse(Tensor pred, Tensor target)
    {
        using var diff = Diff(pred, target);
        using var squared = diff.square();
        using var mean = squared.mean();
        return Math.Sqrt(mean.Item());
    }

    /// <summary>Root mean squared percentage error of exp(pred) against exp(target) (log-scale targets, Rossmann).</summary>
    public static double ExpRmspe(Tensor pred, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        var p = pred.reshape(-1).to(ScalarType.Float64).exp();
        var t = target.reshape(-1).to(ScalarType.Float64).exp();
        return Math.Sqrt(t.sub(p).div(t).square().mean().Item());
    }

    /// <summary>Coefficient of determination 1 - SS_res / SS_tot.</summary>
    public static double R2(Tensor pred, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        var t = target.reshape(-1).to(ScalarType.Float64);
        var residual = Diff(pred, target).square().sum().Item();
        var total = t.sub(t.mean()).square().sum().Item();
        return 1 - residual / total;
    }

    /// <summary>
    /// F1 of predicted labels against target labels (both 1-D int64). Binary: F1 of <paramref name="posLabel"/>.
    /// Macro: the unweighted mean of each class's F1 over the classes present in targets or predictions
    /// (scikit-learn's definition; a class with no true or predicted positives scores 0).
    /// </summary>
    public static double F1(Tensor predLabels, Tensor targetLabels, bool macro, long posLabel = 1)
    {
        var p = predLabels.reshape(-1).to(ScalarType.Int64).ToArray<long>();
        var t = targetLabels.reshape(-1).to(ScalarType.Int64).ToArray<long>();
        if (p.Length != t.Length) throw new ArgumentException($"F1 got {p.Length} predictions but {t.Length} targets.");
        if (!macro) return ClassF1(p, t, posLabel);
        var classes = p.Concat(t).Distinct().ToList();
        return classes.Count == 0 ? double.NaN : classes.Average(c => ClassF1(p, t, c));
    }

    private static double ClassF1(long[] pred, long[] target, long label)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < pred.Length; i++)
        {
            if (pred[i] == label && target[i] == label) tp++;
            else if (pred[i] == label) fp++;
            else if (target[i] == label) fn++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static Tensor Diff(Tensor pred, Tensor target)
    {
        using var p = pred.reshape(-1).to(ScalarType.Float64);
        using var t = target.reshape(-1).to(ScalarType.Float64);
        return p.sub(t);
    }
}
