using Xunit.Abstractions;
using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Architectures;
using NotebookDL.Vision;
using M = NotebookDL.Architectures.Models;

namespace NotebookDL.Tests.Learning.Memory;

/// <summary>
/// Long training runs through the Learner on the TorchSharp engine keep the process's memory flat: every batch runs in
/// a dispose scope, our optimizers free their temporaries and their scalar arguments, and per-batch readings of loss
/// and metrics go through Item(). RSS is sampled after every batch, without forcing a GC (a GC would run the
/// finalizers of leaked native Scalars and hide the heap fragmentation they cause while training runs).
/// </summary>
[Collection(nameof(ProcessMemoryCollection))]
public class TrainingMemoryTests(ITestOutputHelper output)
{
    /// <summary>RSS once training has warmed up, and the highest RSS seen after any later training batch.</summary>
    private sealed class RssProbe(int afterBatches) : Callback
    {
        private int _batches;

        public long AtWarmUp { get; private set; }

        public long Peak { get; private set; }

        public override void AfterBatch()
        {
            if (!Learn.Training) return;
            var rss = ProcessMemory.ResidentBytes();
            if (++_batches == afterBatches) AtWarmUp = rss;
            else if (_batches > afterBatches) Peak = Math.Max(Peak, rss);
        }
    }

    private static (Tensor X, Tensor Y) FashionMnist(int n)
    {
        var (images, labels) = Datasets.FashionMnist.Load(train: true);
        using (images)
        using (labels)
        {
            var x = images.narrow(0, 0, n).to(float32).div(255).unsqueeze(1);
            return (x.DetachFromDisposeScope(), labels.narrow(0, 0, n).clone().DetachFromDisposeScope());
        }
    }

    [Fact]
    public void SimpleCnn_2000_steps_stay_within_50_MB_after_the_first_100()
    {
        const int bs = 64, stepsPerEpoch = 200;
        var (x, y) = FashionMnist(bs * stepsPerEpoch + 640);
        using var _ = x;
        using var __ = y;
        var dls = DataLoaders.FromTensors(x.narrow(0, 0, bs * stepsPerEpoch), y.narrow(0, 0, bs * stepsPerEpoch),
            x.narrow(0, bs * stepsPerEpoch, 640), y.narrow(0, bs * stepsPerEpoch, 640), bs: bs);
        var probe = new RssProbe(afterBatches: 100);
        var learn = new Learner(dls, M.SimpleCnn(), LossFunction.CrossEntropy, cbs: [probe], progress: false);
        learn.Fit(10, 1e-3);

        var growthMb = (probe.Peak - probe.AtWarmUp) / 1e6;
        output.WriteLine($"SimpleCnn: RSS {probe.AtWarmUp / 1e6:F0} MB after 100 steps, at most {probe.Peak / 1e6:F0} MB up to step 2,000");
        Assert.Equal(10 * stepsPerEpoch, learn.Recorder.Losses.Count);
        Assert.True(growthMb < 50, $"RSS grew by {growthMb:F1} MB between step 100 and step 2,000");
    }

    /// <summary>12,800 synthetic rows: two id columns (50 and 7 values), three numbers, a target.</summary>
    private static Microsoft.Data.Analysis.DataFrame Rows()
    {
        const int n = 64 * 200;
        var random = new Random(0);
        var a = Enumerable.Range(0, n).Select(i => (long)(i % 50)).ToArray();
        var b = Enumerable.Range(0, n).Select(i => (long)(i / 50 % 7)).ToArray();
        var c = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();
        return new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.Int64DataFrameColumn("a", a), new Microsoft.Data.Analysis.Int64DataFrameColumn("b", b),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("c0", c[0]), new Microsoft.Data.Analysis.DoubleDataFrameColumn("c1", c[1]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("c2", c[2]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("y", Enumerable.Range(0, n).Select(i => a[i] % 5 + c[0][i] * 2)));
    }

    [Theory]
    [InlineData("tabular")]
    [InlineData("collab")]
    public void Tabular_and_collab_learners_2000_steps_stay_within_30_MB_after_the_first_100(string kind)
    {
        var df = Rows();
        var validIdx = Enumerable.Range(0, 640).Select(i => (long)i).ToList();
        var probe = new RssProbe(afterBatches: 100);
        Learner learn;
        if (kind == "tabular")
        {
            var dls = NotebookDL.Tabular.TabularDataLoaders.FromDataFrame(df, [NotebookDL.Tabular.Procs.Categorify, NotebookDL.Tabular.Procs.Normalize],
                ["a", "b"], ["c0", "c1", "c2"], ["y"], validIdx: validIdx, bs: 64);
            learn = NotebookDL.Tabular.TabularLearners.TabularLearner(dls, layers: [200, 100], yRange: (0, 7), progress: false);
        }
        else
        {
            var dls = NotebookDL.Collab.CollabDataLoaders.FromDataFrame(df, "a", "b", "y", bs: 64);
            learn = NotebookDL.Collab.CollabLearners.CollabLearner(dls, nFactors: 20, yRange: (0, 7), progress: false);
        }
        learn.AddCb(probe);
        var steps = learn.Dls.Train.Count;
        var epochs = (int)Math.Ceiling(2000.0 / steps);
        learn.Fit(epochs, 1e-3);

        var growthMb = (probe.Peak - probe.AtWarmUp) / 1e6;
        output.WriteLine($"{kind}: RSS {probe.AtWarmUp / 1e6:F0} MB after 100 steps, at most {probe.Peak / 1e6:F0} MB up to step {epochs * steps:N0}");
        Assert.True(epochs * steps >= 2000);
        Assert.True(growthMb < 30, $"RSS grew by {growthMb:F1} MB between step 100 and step {epochs * steps}");
    }

    [Theory]
    [InlineData("language model")]
    [InlineData("classifier")]
    public void Text_learners_1500_steps_stay_within_30_MB_after_the_first_100(string kind)
    {
        // Constructed sentences; AWD-LSTM with all its dropouts on (a weight-dropout mask drawn every batch), the LSTM
        // layers' own autograd node and the hidden state carried across batches all run every step.
        var random = new Random(0);
        string[] words = ["the", "cat", "dog", "sat", "ran", "on", "a", "mat", "log", "good", "bad", "day"];
        var texts = Enumerable.Range(0, 400).Select(_ => string.Join(" ", Enumerable.Range(0, random.Next(5, 15)).Select(_ => words[random.Next(words.Length)])) + ".").ToList();
        var labels = texts.Select(t => t.Contains("good") ? "pos" : "neg").ToList();
        var config = new NotebookDL.Text.AwdLstmConfig(EmbSize: 16, NHidden: 32, NLayers: 2);
        var probe = new RssProbe(afterBatches: 100);
        NotebookDL.Text.TextLearner learn = kind == "language model"
            ? NotebookDL.Text.TextLearners.LanguageModelLearner(NotebookDL.Text.TextDataLoaders.ForLanguageModel(texts, texts[..40], bs: 8, bptt: 12, minFreq: 1), config, progress: false)
            : NotebookDL.Text.TextLearners.TextClassifierLearner(NotebookDL.Text.TextDataLoaders.ForClassification(texts, labels, texts[..40], labels[..40], bs: 8, minFreq: 1), config: config, progress: false);
        learn.AddCb(probe);
        var steps = learn.Dls.Train.Count;
        var epochs = (int)Math.Ceiling(1500.0 / steps);
        learn.Fit(epochs, 1e-3);

        var growthMb = (probe.Peak - probe.AtWarmUp) / 1e6;
        var done = learn.Recorder.Losses.Count;     // a language model's batches vary in length, so their number a little
        output.WriteLine($"{kind}: RSS {probe.AtWarmUp / 1e6:F0} MB after 100 steps, at most {probe.Peak / 1e6:F0} MB up to step {done:N0}");
        Assert.True(done > 1400, $"{done} steps");
        Assert.True(growthMb < 30, $"RSS grew by {growthMb:F1} MB between step 100 and step {done}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]   // VisionLearner's default layout
    public void ResNet18_200_steps_of_64_stay_within_40_MB(bool channelsLast)
    {
        const int bs = 64, stepsPerEpoch = 100;
        var (x, y) = FashionMnist(bs * stepsPerEpoch + bs);
        using var _ = x;
        using var __ = y;
        var dls = DataLoaders.FromTensors(x.narrow(0, 0, bs * stepsPerEpoch), y.narrow(0, 0, bs * stepsPerEpoch),
            x.narrow(0, bs * stepsPerEpoch, bs), y.narrow(0, bs * stepsPerEpoch, bs), bs: bs);
        var probe = new RssProbe(afterBatches: 20);
        var model = M.ResNet18(numClasses: 10, inChannels: 1);
        if (channelsLast) model.ToChannelsLast();
        var learn = new Learner(dls, model, LossFunction.CrossEntropy, cbs: [probe], progress: false);
        learn.Fit(2, 1e-3);

        var growthMb = (probe.Peak - probe.AtWarmUp) / 1e6;
        output.WriteLine($"ResNet-18 (channels-last: {channelsLast}): RSS {probe.AtWarmUp / 1e6:F0} MB after 20 steps, at most {probe.Peak / 1e6:F0} MB up to step 200");
        Assert.Equal(2 * stepsPerEpoch, learn.Recorder.Losses.Count);
        // Measured here: 0 MB with the scalars freed; 87 MB when the optimizer left its scalars to the GC. Channels-last
        // grew 307 MB before ScalarSweep: its heap had not yet reached the fragmented plateau by step 20.
        Assert.True(growthMb < 40, $"RSS grew by {growthMb:F1} MB between step 20 and step 200");
    }
}
