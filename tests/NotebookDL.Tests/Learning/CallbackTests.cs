using NotebookDL.Learning;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

public class CallbackTests
{
    /// <summary>Overwrites the recorded valid_loss with a scripted sequence, so "best" epochs are known.</summary>
    private sealed class ScriptedValidLoss(params double[] losses) : Callback
    {
        public override int Order => 55; // after the Recorder wrote the row, before trackers read it

        public override void AfterEpoch() => Learn.Recorder.Values[^1][1] = losses[Learn.Epoch];
    }

    /// <summary>Records the weights at the end of each epoch.</summary>
    private sealed class WeightsPerEpoch : Callback
    {
        public List<Dictionary<string, float[]>> Snapshots { get; } = [];

        public override void AfterEpoch() => Snapshots.Add(Snapshot(Learn.Model));
    }

    [Fact]
    public void SaveModelCallback_reloads_the_best_epoch()
    {
        var weights = new WeightsPerEpoch();
        var save = new SaveModelCallback();
        var learn = MakeLearner();
        learn.Fit(4, 1e-2, cbs: [new ScriptedValidLoss(0.9, 0.5, 0.7, 0.6), weights, save]);
        Assert.Equal(1, save.BestEpoch);
        Assert.Equal(0.5, save.Best);
        Assert.Equal(weights.Snapshots[1], Snapshot(learn.Model));
        Assert.NotEqual(weights.Snapshots[3], Snapshot(learn.Model));
    }

    [Fact]
    public void EarlyStopping_stops_after_patience_epochs_without_improvement()
    {
        var stop = new EarlyStoppingCallback(patience: 2);
        var learn = MakeLearner();
        learn.Fit(10, 1e-2, cbs: [new ScriptedValidLoss(0.9, 0.5, 0.6, 0.55, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), stop]);
        Assert.Equal(3, stop.StoppedEpoch);
        Assert.Equal(4, learn.Recorder.Values.Count);
    }

    [Fact]
    public void Tracker_rejects_an_unknown_monitor()
    {
        var learn = MakeLearner();
        var e = Assert.Throws<CallbackException>(() => learn.Fit(1, cbs: [new EarlyStoppingCallback("accuracy")]));
        Assert.Contains("accuracy", e.InnerException!.Message);
        Assert.Contains("valid_loss", e.InnerException.Message);
    }

    [Fact]
    public void ReduceLROnPlateau_divides_the_lr_after_a_plateau()
    {
        var learn = MakeLearner();
        learn.Fit(3, 1e-2, cbs: [new ScriptedValidLoss(0.5, 0.6, 0.7), new ReduceLROnPlateau(patience: 1, factor: 10)]);
        Assert.Equal(1e-4, learn.Opt!.param_groups[0].lr, 12); // reduced after epochs 1 and 2
    }

    [Fact]
    public void GradientClip_bounds_the_gradient_norm()
    {
        var clip = new GradientClip(maxNorm: 0.01);
        var check = new NormAfterClip();
        var learn = MakeLearner();
        learn.Fit(1, 1e-3, cbs: [clip, check]);
        Assert.True(clip.LastNorm > 0.01, $"the test needs gradients above the bound, got {clip.LastNorm}");
        Assert.All(check.Norms, n => Assert.True(n <= 0.01 + 1e-5, $"norm {n}"));
    }

    private sealed class NormAfterClip : Callback
    {
        public List<double> Norms { get; } = [];

        public override int Order => 10;

        public override void BeforeStep() =>
            Norms.Add(Math.Sqrt(Learn.Model.parameters().Select(p => p.grad!).Sum(g => g.square().sum().ToDouble())));
    }

    [Fact]
    public void CSVLogger_writes_a_header_and_one_row_per_epoch()
    {
        var path = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.csv");
        try
        {
            var learn = MakeLearner(metrics: [Metrics.Accuracy]);
            learn.Fit(2, 1e-2, cbs: [new CSVLogger(path)]);
            var lines = File.ReadAllLines(path);
            Assert.Equal("epoch,train_loss,valid_loss,accuracy,time", lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("1,", lines[2]);
            Assert.Equal(learn.Recorder.Values[1][1], double.Parse(lines[2].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture), 12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MixUp_mixes_inputs_during_training_and_restores_the_loss()
    {
        var learn = MakeLearner(metrics: [Metrics.Accuracy]);
        var original = learn.LossFunc;
        var probe = new InputProbe();
        learn.Fit(3, 1e-2, cbs: [new MixUp(0.4, seed: 1), probe]);
        Assert.Same(original, learn.LossFunc);
        Assert.True(probe.ChangedTrainingInputs > 0, "MixUp should change the inputs of training batches");
        Assert.Equal(0, probe.ChangedValidationInputs);
        Assert.True(learn.Recorder.Values[^1][2] > 0.8, $"accuracy {learn.Recorder.Values[^1][2]}");
    }

    /// <summary>Remembers X before MixUp's BeforeBatch (Order -5 runs first) and checks after the prediction whether it was replaced.</summary>
    private sealed class InputProbe : Callback
    {
        private Tensor? _before;

        public int ChangedTrainingInputs { get; private set; }

        public int ChangedValidationInputs { get; private set; }

        public override int Order => -5;

        public override void BeforeBatch() => _before = Learn.X;

        public override void AfterPred()
        {
            if (ReferenceEquals(_before, Learn.X)) return;
            if (Learn.Training) ChangedTrainingInputs++;
            else ChangedValidationInputs++;
        }
    }
}
