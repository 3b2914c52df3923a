using NotebookDL.Learning;
using NotebookDL.Data;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

public class LearnerTrainingTests
{
    [Fact]
    public void Mlp_learns_a_separable_problem_to_high_accuracy()
    {
        var learn = MakeLearner(metrics: [Metrics.Accuracy]);
        var before = learn.Validate();
        learn.FitOneCycle(6, 1e-2);
        var after = learn.Validate();

        Assert.True(after.Metrics["accuracy"] > 0.95, $"accuracy {after.Metrics["accuracy"]}");
        Assert.True(after.Loss < before.Loss / 2, $"loss {before.Loss} -> {after.Loss}");
        Assert.Equal(6, learn.Recorder.Values.Count);
        // Recorder's epoch rows hold train_loss, valid_loss, accuracy.
        Assert.Equal(after.Metrics["accuracy"], learn.Recorder.Values[^1][2], 6);
        Assert.Equal(6 * learn.Dls.Train.Count, learn.Recorder.Losses.Count);
    }

    [Fact]
    public void Fit_with_sgd_and_constant_lr_reduces_the_loss_and_records_that_lr()
    {
        var learn = MakeLearner(optFunc: OptFuncs.SGD);
        learn.Fit(3, 0.1);
        Assert.All(learn.Recorder.Lrs, lr => Assert.Equal(0.1, lr, 12));
        Assert.True(learn.Recorder.Values[^1][0] < learn.Recorder.Values[0][0] + 1e-9);
        Assert.True(learn.Recorder.Values[^1][1] < 0.4, $"valid loss {learn.Recorder.Values[^1][1]}");
    }

    [Fact]
    public void Training_leaves_the_model_in_train_mode_and_grad_enabled()
    {
        var learn = MakeLearner();
        learn.Fit(1);
        Assert.True(is_grad_enabled());
        Assert.False(learn.Model.training); // fastai: the last phase was validation
        learn.Validate();
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void GetPreds_returns_softmax_probabilities_targets_and_per_item_losses()
    {
        var learn = MakeLearner();
        learn.Fit(2, 1e-2);
        var (preds, targets, losses) = learn.GetPreds();
        using (preds)
        using (targets)
        using (losses)
        {
            Assert.Equal(new long[] { 128, 2 }, preds.shape);
            Assert.Equal(new long[] { 128 }, targets.shape);
            Assert.Equal(new long[] { 128 }, losses!.shape);
            var sums = preds.sum(1).ToArray<float>();
            Assert.All(sums, s => Assert.Equal(1f, s, 4));
            // The mean per-item loss is the validation loss.
            Assert.Equal(learn.Validate().Loss, losses.mean().ToDouble(), 5);
            // Each loss is -log(prob of the target).
            var p = preds.ToArray<float>();
            var t = targets.ToArray<long>();
            var l = losses.ToArray<float>();
            Assert.Equal(-Math.Log(p[2 * 5 + t[5]]), l[5], 4);
        }
    }

    [Fact]
    public void Predict_decodes_with_the_vocab()
    {
        var learn = MakeLearner();
        learn.FitOneCycle(4, 1e-2);
        var positive = learn.Predict(tensor(new float[] { 1.5f, 1.0f }));
        var negative = learn.Predict(tensor(new float[] { -1.5f, -1.0f }));
        Assert.Equal("pos", positive.Label);
        Assert.Equal("neg", negative.Label);
        Assert.Equal(1.0, positive.Output.Sum(), 5);
        Assert.Equal(1.0, positive.Decoded[0]);
    }
}
