namespace NotebookDL.Learning;

/// <summary>
/// fastai's metrics, each property returning a new stateful instance: <c>metrics: [Metrics.Accuracy, Metrics.F1Macro]</c>.
/// Means over items (accuracy, error rate, top-k, MAE) are <see cref="AvgMetric"/>s; the others need every
/// prediction and are <see cref="AccumMetric"/>s, as in fastai.
/// </summary>
public static class Metrics
{
    public static IMetric Accuracy => new AvgMetric("accuracy", MetricFunctions.Accuracy);

    public static IMetric ErrorRate => new AvgMetric("error_rate", MetricFunctions.ErrorRate);

    public static IMetric TopKAccuracy(int k = 5) => new AvgMetric("top_k_accuracy", (p, t) => MetricFunctions.TopKAccuracy(p, t, k));

    public static IMetric Mae => new AvgMetric("mae", MetricFunctions.Mae);

    // fastai names it "_rmse" (after its private function); the table shows "rmse", as people write it.
    public static IMetric Rmse => new AccumMetric("rmse", MetricFunctions.Rmse);

    public static IMetric ExpRmspe => new AccumMetric("exp_rmspe", MetricFunctions.ExpRmspe);

    public static IMetric R2Score => new AccumMetric("r2_score", MetricFunctions.R2);

    /// <summary>Macro-averaged F1 of the argmax labels.</summary>
    public static IMetric F1Macro => new AccumMetric("f1_score", (p, t) => MetricFunctions.F1(p, t, macro: true), dimArgmax: true);

    /// <summary>Binary F1 of class <paramref name="posLabel"/> from the argmax labels.</summary>
    public static IMetric F1Binary(long posLabel = 1) => new AccumMetric("f1_score", (p, t) => MetricFunctions.F1(p, t, macro: false, posLabel), dimArgmax: true);
}
