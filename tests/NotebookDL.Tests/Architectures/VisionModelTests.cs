using System.Text.Json.Nodes;
using NotebookDL.Architectures;
using Xunit.Abstractions;
using M = NotebookDL.Architectures.Models;

namespace NotebookDL.Tests.Architectures;

/// <summary>fastai's create_vision_model / create_head / _resnet_split, and loading pretrained torchvision weights.</summary>
public sealed class VisionModelTests(TorchvisionReference reference, ITestOutputHelper output) : IClassFixture<TorchvisionReference>
{
    [Fact]
    public void Head_HasFastaisLayers_InOrder_WithFastaisDefaults()
    {
        using var head = M.CreateHead(512, 10);
        var layers = head.children().ToList();
        Assert.Equal(
            ["AdaptiveConcatPool2d", "Flatten", "BatchNorm1d", "Dropout", "Linear", "ReLU", "BatchNorm1d", "Dropout", "Linear"],
            layers.Select(l => l.GetType().Name));
        Assert.Equal(1024, ((BatchNorm1d)layers[2]).num_features);
        Assert.Equal(0.25, ((Dropout)layers[3]).p);
        var lin1 = (Linear)layers[4];
        Assert.Equal((1024L, 512L), (lin1.in_features, lin1.out_features));
        Assert.Null(lin1.bias);
        Assert.Equal(0.5, ((Dropout)layers[7]).p);
        var lin2 = (Linear)layers[8];
        Assert.Equal((512L, 10L), (lin2.in_features, lin2.out_features));
        Assert.Null(lin2.bias);
        // fastai's BatchNorm(): weight 1, bias 1e-3.
        Assert.Equal(1e-3f, ((BatchNorm1d)layers[6]).bias!.max().ToSingle(), 6);
    }

    [Fact]
    public void Head_Options_FollowFastai()
    {
        using var noFirstBn = M.CreateHead(512, 3, new HeadOptions(LinFtrs: [256, 128], Ps: 0.4, ConcatPool: false, FirstBn: false, BnFinal: true));
        Assert.Equal(
            ["AdaptiveAvgPool2d", "Flatten", "Dropout", "Linear", "ReLU", "BatchNorm1d", "Dropout", "Linear", "ReLU", "BatchNorm1d", "Dropout", "Linear", "BatchNorm1d"],
            noFirstBn.children().Select(l => l.GetType().Name));
        var first = (Linear)noFirstBn[3];
        Assert.Equal(512, first.in_features);   // no concat pooling: nf is not doubled
        Assert.NotNull(first.bias);               // no batch norm before it, so it keeps a bias
        Assert.Equal(0.2, ((Dropout)noFirstBn[2]).p, 10);
        Assert.Equal(0.4, ((Dropout)noFirstBn[10]).p, 10);
        Assert.Equal(0.01, ((BatchNorm1d)noFirstBn[^1]).momentum);
    }

    [Fact]
    public void VisionModel_OnGrayscale28x28_MatchesFastaiLayoutInPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        using var model = M.VisionModel(M.ResNet18, nOut: 10, nIn: 1);
        // A few train-mode batches give the batch norms non-trivial running statistics to carry over.
        for (var i = 0; i < 2; i++) model.call(torch.randn(8, 1, 28, 28));
        model.eval();
        var x = torch.randn(4, 1, 28, 28);
        Tensor y;
        using (torch.no_grad()) y = model.call(x);
        Assert.Equal([4L, 10L], y.shape);

        PyTorchFiles.Save(model.state_dict(), reference.PathOf("vision.pth"));
        TensorFiles.Write(reference.PathOf("vision.x.bin"), x);
        File.WriteAllText(reference.PathOf("vision_in.json"), new JsonObject { ["n_in"] = 1, ["n_out"] = 10, ["x"] = new JsonArray(4, 1, 28, 28) }.ToJsonString());
        reference.Run("vision");
        var result = JsonNode.Parse(File.ReadAllText(reference.PathOf("vision_out.json")))!;

        // fastai's key names; TorchSharp lists parameters before buffers, so compare the sets and the parameters' order.
        var expectedKeys = result["keys"]!.AsArray().Select(k => (string)k!).ToList();
        var actualKeys = model.state_dict().Keys.ToList();
        Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), actualKeys.Order(StringComparer.Ordinal));
        var parameterKeys = model.named_parameters().Select(p => p.name).ToHashSet();
        Assert.Equal(expectedKeys.Where(parameterKeys.Contains), actualKeys.Where(parameterKeys.Contains));
        var diff = TorchvisionReference.MaxAbsDiff(y, reference.Load("vision.eval", new JsonArray(4, 10)));
        output.WriteLine($"VisionModel(ResNet18, nIn 1) vs fastai layout in PyTorch, 28x28: max |diff| = {diff:E2}");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
    }

    [Fact]
    public void VisionModel_InitialisesHeadLikeFastai()
    {
        using var model = M.VisionModel(M.ResNet34, nOut: 5);
        var head = model.Head;
        var lin = (Linear)head[4];
        // kaiming_normal_ defaults (fan_in, gain √2): std √(2/1024) ≈ 0.0442.
        var std = lin.weight.std().ToSingle();
        Assert.InRange(std, 0.0442 * 0.95, 0.0442 * 1.05);
        Assert.Equal(1e-3f, ((BatchNorm1d)head.At(2)).bias!.min().ToSingle(), 6);
    }

    [Fact]
    public void ResNetSplit_GivesFastaisThreeGroups()
    {
        using var model = M.VisionModel(M.ResNet18, nOut: 10);
        var groups = M.ResNetSplit(model);
        var names = model.named_parameters().ToDictionary(p => (object)p.parameter, p => p.name, ReferenceEqualityComparer.Instance);
        Assert.Equal(3, groups.Count);
        Assert.Equal("0.0.weight", names[groups[0][0]]);               // conv1
        Assert.Equal("0.5.1.bn2.bias", names[groups[0][^1]]);          // end of layer2
        Assert.Equal("0.6.0.conv1.weight", names[groups[1][0]]);       // layer3
        Assert.Equal("0.7.1.bn2.bias", names[groups[1][^1]]);          // end of layer4
        Assert.Equal(["1.2.weight", "1.2.bias", "1.4.weight", "1.6.weight", "1.6.bias", "1.8.weight"], groups[2].Select(p => names[p]));
        Assert.Equal(model.parameters().Count(), groups.Sum(g => g.Count));
        // The Learner's delegate accepts the method group.
        NotebookDL.Learning.Splitter splitter = M.ResNetSplit;
        Assert.Equal(3, splitter(model).Count);
    }

    [Fact]
    public void ResNet18_FactoriesAreMethodGroups()
    {
        Func<nn.Module<Tensor, Tensor>> arch = M.ResNet18;
        Func<nn.Module> plain = M.ResNet50;
        using var a = (ResNetModel)arch();
        using var b = (ResNetModel)plain();
        Assert.Equal((3L, 1000L, 512L), (a.InChannels, a.NumClasses, a.fc.in_features));
        Assert.Equal(2048, b.fc.in_features);
    }

    [Fact]
    public void Pretrained_GrayscaleResNet18_SumsRgbKernels_AndMatchesPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        var meta = reference.Meta["gray"]!;
        using var model = M.ResNet18(numClasses: 1000, inChannels: 1, pretrained: reference.PathOf("pretrained18.pth"));
        Assert.True(TorchvisionReference.MaxAbsDiff(model.conv1.weight, reference.Load("gray.conv1", meta["conv1"]!)) < 1e-6);
        model.eval();
        Tensor y;
        using (torch.no_grad()) y = model.call(reference.Load("gray.x", meta["x"]!));
        var diff = TorchvisionReference.MaxAbsDiff(y, reference.Load("gray.eval", meta["eval"]!));
        output.WriteLine($"pretrained ResNet18, 1 channel, 28x28: max |diff| = {diff:E2}");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
    }

    [Fact]
    public void Pretrained_WithOtherClassCount_LoadsAllButFc()
    {
        using var scope = torch.NewDisposeScope();
        var file = PyTorchFiles.Load(reference.PathOf("pretrained18.pth"));
        using var model = M.ResNet18(numClasses: 10, pretrained: reference.PathOf("pretrained18.pth"));
        var state = model.state_dict();
        Assert.Equal(0f, TorchvisionReference.MaxAbsDiff(state["layer3.1.conv2.weight"], file["layer3.1.conv2.weight"]));
        Assert.Equal(0f, TorchvisionReference.MaxAbsDiff(state["layer1.0.bn1.running_var"], file["layer1.0.bn1.running_var"]));
        Assert.Equal([10L, 512L], state["fc.weight"].shape);
    }

    [Fact]
    public void VisionModel_Pretrained_OneChannel_AdaptsFirstConvAndKeepsBody()
    {
        using var scope = torch.NewDisposeScope();
        var file = PyTorchFiles.Load(reference.PathOf("pretrained18.pth"));
        using var model = M.VisionModel(M.ResNet18, nOut: 10, pretrained: reference.PathOf("pretrained18.pth"), nIn: 1);
        var state = model.state_dict();
        Assert.True(TorchvisionReference.MaxAbsDiff(state["0.0.weight"], reference.Load("gray.conv1", reference.Meta["gray"]!["conv1"]!)) < 1e-6);
        Assert.Equal(0f, TorchvisionReference.MaxAbsDiff(state["0.7.1.conv2.weight"], file["layer4.1.conv2.weight"]));
        Assert.Equal(0f, TorchvisionReference.MaxAbsDiff(state["0.1.running_mean"], file["bn1.running_mean"]));
    }

    [Fact]
    public void MissingPretrainedFile_SaysWhatToDo()
    {
        var e = Assert.Throws<FileNotFoundException>(() => M.ResNet18(pretrained: "/nonexistent/resnet18.pth"));
        Assert.Contains("/nonexistent/resnet18.pth", e.Message);
    }
}
