using Xunit.Abstractions;
using NotebookDL.Learning;
using NotebookDL.Learning.Data;
using NotebookDL.Vision;
using M = NotebookDL.Models.Models;

namespace NotebookDL.Tests.Learning.Memory;

/// <summary>
/// Long training runs through the Learner on the TorchSharp engine keep the process's memory flat: every batch runs in
/// a dispose scope and our optimizers free their temporaries (TorchSharp 0.107's own optimizers grew RSS every step,
/// which is why NotebookDL keeps its own). RSS is read once training has warmed up and again at the end.
/// </summary>
[Collection(nameof(ProcessMemoryCollection))]
public class TrainingMemoryTests(ITestOutputHelper output)
{
    /// <summary>Reads RSS after a given number of training batches and at the end of the fit.</summary>
    private sealed class RssProbe(int afterBatches) : Callback
    {
        private int _batches;

        public long AtWarmUp { get; private set; }

        public long AtEnd { get; private set; }

        public override void AfterBatch()
        {
            if (!Learn.Training || ++_batches != afterBatches) return;
            AtWarmUp = Settled();
        }

        public override void AfterFit() => AtEnd = Settled();

        private static long Settled()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return ProcessMemory.ResidentBytes();
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
        var dls = TensorDataLoaders.FromTensors(x.narrow(0, 0, bs * stepsPerEpoch), y.narrow(0, 0, bs * stepsPerEpoch),
            x.narrow(0, bs * stepsPerEpoch, 640), y.narrow(0, bs * stepsPerEpoch, 640), bs: bs);
        var probe = new RssProbe(afterBatches: 100);
        var learn = new Learner(dls, M.SimpleCnn(), LossFunction.CrossEntropy, cbs: [probe], progress: false);
        learn.Fit(10, 1e-3);

        var growthMb = (probe.AtEnd - probe.AtWarmUp) / 1e6;
        output.WriteLine($"SimpleCnn: RSS {probe.AtWarmUp / 1e6:F0} MB after 100 steps, {probe.AtEnd / 1e6:F0} MB after 2,000");
        Assert.Equal(10 * stepsPerEpoch, learn.Recorder.Losses.Count);
        Assert.True(growthMb < 50, $"RSS grew by {growthMb:F1} MB between step 100 and step 2,000");
    }

    [Fact]
    public void ResNet18_200_steps_of_64_stay_within_100_MB()
    {
        const int bs = 64, stepsPerEpoch = 100;
        var (x, y) = FashionMnist(bs * stepsPerEpoch + bs);
        using var _ = x;
        using var __ = y;
        var dls = TensorDataLoaders.FromTensors(x.narrow(0, 0, bs * stepsPerEpoch), y.narrow(0, 0, bs * stepsPerEpoch),
            x.narrow(0, bs * stepsPerEpoch, bs), y.narrow(0, bs * stepsPerEpoch, bs), bs: bs);
        var probe = new RssProbe(afterBatches: 20);
        var learn = new Learner(dls, M.ResNet18(numClasses: 10, inChannels: 1), LossFunction.CrossEntropy, cbs: [probe], progress: false);
        learn.Fit(2, 1e-3);

        var growthMb = (probe.AtEnd - probe.AtWarmUp) / 1e6;
        output.WriteLine($"ResNet-18: RSS {probe.AtWarmUp / 1e6:F0} MB after 20 steps, {probe.AtEnd / 1e6:F0} MB after 200");
        Assert.Equal(2 * stepsPerEpoch, learn.Recorder.Losses.Count);
        Assert.True(growthMb < 100, $"RSS grew by {growthMb:F1} MB between step 20 and step 200");
    }
}
