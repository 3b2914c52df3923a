using NotebookDL.Learning;
using NotebookDL.Data;

namespace NotebookDL.Tests.Learning;

public class MetricTests
{
    /// <summary>A model that returns its input, so "predictions" are chosen by the test.</summary>
    private sealed class Echo : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter _w = nn.Parameter(zeros(1));

        public Echo() : base(nameof(Echo)) => RegisterComponents();

        public override Tensor forward(Tensor input) => input.add(_w);
    }

    private static IMetric Run(IMetric metric, Tensor preds, Tensor targets, int bs, LossFunction? loss = null)
    {
        var loader = new BatchLoader(new TensorRowsDataset(preds, targets), bs, numWorkers: 0);
        var learn = new Learner(new DataLoaders(loader, loader), new Echo(), loss ?? LossFunction.CrossEntropy, metrics: [metric], progress: false);
        learn.Validate();
        return metric;
    }

    private static Tensor OneHotScores(long[] labels, int classes)
    {
        var data = new float[labels.Length * classes];
        for (var i = 0; i < labels.Length; i++) data[i * classes + labels[i]] = 1;
        return tensor(data, new long[] { labels.Length, classes });
    }

    [Fact]
    public void Accuracy_weights_batches_by_size_not_a_mean_of_batch_means()
    {
        // 5 items, batches of 4 and 1: first batch 2/4 right, last 1/1 right. Overall 3/5 = 0.6; mean of means 0.75.
        long[] predicted = [0, 1, 1, 0, 1];
        long[] actual = [0, 1, 0, 1, 1];
        var metric = Run(Metrics.Accuracy, OneHotScores(predicted, 2), tensor(actual), bs: 4);
        Assert.Equal(0.6, metric.Value, 12);
        Assert.Equal(0.4, Run(Metrics.ErrorRate, OneHotScores(predicted, 2), tensor(actual), bs: 4).Value, 12);
    }

    [Fact]
    public void TopK_counts_targets_among_the_k_best()
    {
        var scores = tensor(new float[,] { { 0.5f, 0.3f, 0.2f }, { 0.1f, 0.2f, 0.7f }, { 0.6f, 0.3f, 0.1f } });
        long[] targets = [1, 0, 2]; // top-2: {0,1} hit, {2,1} miss, {0,1} miss
        Assert.Equal(1.0 / 3, Run(Metrics.TopKAccuracy(2), scores, tensor(targets), bs: 2).Value, 12);
    }

    [Fact]
    public void F1_macro_and_binary_from_a_known_confusion_matrix()
    {
        long[] predicted = [0, 0, 1, 0, 1, 2, 2, 1];
        long[] actual = [0, 0, 0, 1, 1, 1, 2, 2];
        // Pairs (p,a): (0,0)(0,0)(1,0)(0,1)(1,1)(2,1)(2,2)(1,2). F1 = 2tp / (2tp + fp + fn):
        // class 0: tp 2, fp 1, fn 1 -> 4/6; class 1: tp 1, fp 2, fn 2 -> 2/6; class 2: tp 1, fp 1, fn 1 -> 2/4.
        var macro = (4.0 / 6 + 2.0 / 6 + 2.0 / 4) / 3;
        Assert.Equal(macro, Run(Metrics.F1Macro, OneHotScores(predicted, 3), tensor(actual), bs: 3).Value, 12);
        Assert.Equal(2.0 / 6, Run(Metrics.F1Binary(1), OneHotScores(predicted, 3), tensor(actual), bs: 5).Value, 12);
    }

    [Fact]
    public void Regression_metrics_over_the_whole_set()
    {
        var preds = tensor(new float[] { 1, 2, 3, 4, 6 }).view(-1, 1);
        var targets = tensor(new float[] { 1, 2, 3, 4, 4 });
        // Errors 0,0,0,0,2: RMSE sqrt(4/5) (not the mean of per-batch RMSEs), MAE 2/5.
        Assert.Equal(Math.Sqrt(0.8), Run(Metrics.Rmse, preds, targets, 4, LossFunction.Mse).Value, 6);
        Assert.Equal(0.4, Run(Metrics.Mae, preds, targets, 4, LossFunction.Mse).Value, 6);
        // R2: SS_res 4, mean 2.8, SS_tot = 3.24+0.64+0.04+1.44+1.44 = 6.8.
        Assert.Equal(1 - 4 / 6.8, Run(Metrics.R2Score, preds, targets, 2, LossFunction.Mse).Value, 6);
        // exp_rmspe on log targets: exp(p) = e*t... use p = t + ln 2 -> (t - 2t)/t = -1 -> 1.
        var logs = tensor(new float[] { 0, 1, 2 });
        Assert.Equal(1.0, Run(Metrics.ExpRmspe, logs.add(Math.Log(2)).view(-1, 1), logs, 2, LossFunction.Mse).Value, 5);
    }

    [Fact]
    public void Validation_loss_is_weighted_by_batch_size()
    {
        // Per-item CE of one-hot scores: ln(1 + e^-1)... compute from GetPreds instead of by hand.
        long[] predicted = [0, 1, 1, 0, 1];
        long[] actual = [0, 1, 0, 1, 1];
        var loader = new BatchLoader(new TensorRowsDataset(OneHotScores(predicted, 2), tensor(actual)), 4, numWorkers: 0);
        var learn = new Learner(new DataLoaders(loader, loader), new Echo(), LossFunction.CrossEntropy, progress: false);
        var (_, _, losses) = learn.GetPreds();
        Assert.Equal(losses!.mean().ToDouble(), learn.Validate().Loss, 6);
    }
}
