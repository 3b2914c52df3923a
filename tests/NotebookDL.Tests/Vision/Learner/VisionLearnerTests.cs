using NotebookDL.Learning;
using NotebookDL.Architectures;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision.Learner;

using M = NotebookDL.Architectures.Models;

public sealed class VisionLearnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nbdl-vl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void BuildsBodyAndHeadFromTheData()
    {
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, progress: false);
        var model = (BodyHeadModel)learn.Model;
        Assert.Equal(2, model.children().Count());
        // One input channel read from the gray batch, two outputs from the vocab.
        Assert.Equal(1, model.modules().OfType<Conv2d>().First().in_channels);
        Assert.Equal(2, ((Linear)model.Head.modules().OfType<Linear>().Last()).out_features);
        Assert.Equal("CrossEntropy", learn.LossFunc.Name);
        Assert.IsType<AdamWOptimizer>(learn.CreateOpt());
    }

    [Fact]
    public void SplitsIntoTwoBodyGroupsAndTheHead()
    {
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, progress: false);
        var body = TinyImages.Body(learn);
        var groups = learn.LayerGroups();
        Assert.Equal(3, groups.Count);
        Assert.Equal(body[..6].parameters().Count(), groups[0].Count);
        Assert.Equal(body[6..].parameters().Count(), groups[1].Count);
        Assert.Equal(((BodyHeadModel)learn.Model).Head.parameters().Count(), groups[2].Count);
    }

    [Fact]
    public void FromScratchNothingIsFrozen()
    {
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, progress: false);
        Assert.All(learn.Model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void PretrainedBodyIsLoadedAndFrozenExceptBatchNorm()
    {
        var weights = TinyImages.SavedVisionModel(_dir, nOut: 5);
        var saved = PyTorchFiles.Load(weights);
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, pretrained: weights, progress: false);
        var model = (BodyHeadModel)learn.Model;

        // The body carries the saved weights; the head is new (2 classes, not 5).
        var conv = ((nn.Module)model).state_dict()["0.0.weight"];
        Assert.True(TinyImages.Close(conv, saved["0.0.weight"]));
        Assert.Equal(2, model.Head.modules().OfType<Linear>().Last().out_features);

        var bodyBn = new HashSet<Tensor>(model.Body.modules().OfType<BatchNorm>().SelectMany(m => m.parameters(recurse: false)), ReferenceEqualityComparer.Instance);
        foreach (var p in model.Body.parameters()) Assert.Equal(bodyBn.Contains(p), p.requires_grad);
        Assert.All(model.Head.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void PretrainedOfAnotherArchitectureNamesTheMismatch()
    {
        var weights = TinyImages.SavedVisionModel(_dir);
        var error = Assert.Throws<ArgumentException>(() => Learners.VisionLearner(TinyImages.Loaders(), M.ResNet34, pretrained: weights, progress: false));
        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void ExportedLearnerRebuildsTheModel()
    {
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, progress: false);
        var file = Path.Combine(_dir, "learner.nbdl");
        learn.Export(file);
        var loaded = NotebookDL.Learning.Learner.Load(file);
        var expected = learn.Model.state_dict()["1.8.weight"];
        Assert.True(TinyImages.Close(loaded.Model.state_dict()["1.8.weight"], expected));
    }
}
