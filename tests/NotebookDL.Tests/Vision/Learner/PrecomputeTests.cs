using NotebookDL.Learning;
using NotebookDL.Vision;
using NotebookDL.Vision.Augment;

namespace NotebookDL.Tests.Vision.Learner;

using M = NotebookDL.Architectures.Models;

// manual_seed(3) fixes the head's initialisation only if no other test class draws from the global generator meanwhile:
// in parallel, the frozen fit once started elsewhere and reached 0.84 (bar 0.9).
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class PrecomputeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nbdl-pre-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VisionLearner Pretrained(NotebookDL.Data.DataLoaders? dls = null)
    {
        var weights = TinyImages.SavedVisionModel(_dir);
        manual_seed(3);
        return Learners.VisionLearner(dls ?? TinyImages.Loaders(), M.ResNet18, pretrained: weights, metrics: [Metrics.Accuracy], progress: false);
    }

    [Fact]
    public void TrainsTheHeadAsWellAsAFrozenFitAndLeavesTheBodyAlone()
    {
        var normal = Pretrained();
        normal.FitOneCycle(4, 1e-2);

        var fast = Pretrained();
        var bodyBefore = LearningSnapshot(TinyImages.Body(fast));
        fast.Precompute = true;
        fast.FitOneCycle(4, 1e-2);

        Assert.True(TinyImages.Accuracy(normal) >= 0.9, $"frozen fit reached only {TinyImages.Accuracy(normal)}");
        Assert.True(TinyImages.Accuracy(fast) >= 0.9, $"precomputed fit reached only {TinyImages.Accuracy(fast)}");
        // The real body and data are back after the fit, and the body did not change (not even batch-norm statistics).
        Assert.False(((NotebookDL.Architectures.BodyHeadModel)fast.Model).BodyBypassed);
        Assert.IsType<NotebookDL.Data.DataLoaders>(fast.Dls);
        Assert.Equal(bodyBefore, LearningSnapshot(TinyImages.Body(fast)));
        Assert.Equal((64L, 32L), fast.GetCallback<PrecomputeCallback>()!.CachedItems);
    }

    [Fact]
    public void ValidationOnActivationsMatchesTheFullModel()
    {
        var learn = Pretrained();
        learn.Precompute = true;
        var recorder = learn.Recorder;
        learn.Fit(1, 1e-3);
        var duringFit = recorder.Values[^1][1];
        var afterwards = learn.Validate().Loss;
        Assert.Equal(afterwards, duringFit, 4);
    }

    [Fact]
    public void UnfreezeSwitchesItOff()
    {
        var learn = Pretrained();
        learn.Precompute = true;
        learn.Unfreeze();
        var output = CaptureConsole(() => learn.Fit(1, 1e-3));
        Assert.False(learn.Precompute);
        Assert.Contains("unfrozen", output);
    }

    [Fact]
    public void AugmentedDataSwitchesItOff()
    {
        var learn = Pretrained();
        learn.Precompute = true;
        learn.Dls = TinyImages.Loaders(batchTfms: Augmentations.AugTransforms(seed: 1));
        var output = CaptureConsole(() => learn.Fit(1, 1e-3));
        Assert.False(learn.Precompute);
        Assert.Contains("augmented", output);
    }

    [Fact]
    public void StaysOffWithoutAFrozenBody()
    {
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, progress: false);
        var output = CaptureConsole(() => learn.Precompute = true);
        Assert.False(learn.Precompute);
        Assert.Contains("unfrozen", output);
    }

    [Fact]
    public void LrFindWorksOnPrecomputedActivations()
    {
        var learn = Pretrained();
        learn.Precompute = true;
        var before = LearningSnapshot(learn.Model);
        var result = learn.LrFind(numIt: 10, showPlot: false);
        Assert.True(result.Valley > 0);
        Assert.Equal(before, LearningSnapshot(learn.Model));
    }

    private static Dictionary<string, float[]> LearningSnapshot(nn.Module m) => NotebookDL.Tests.Learning.LearningFixtures.Snapshot(m);

    private static string CaptureConsole(Action action)
    {
        var previous = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(previous);
        }
        return writer.ToString();
    }
}
