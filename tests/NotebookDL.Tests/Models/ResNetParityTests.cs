using NotebookDL.Models;
using NotebookDL.Torch.Modules;
using Xunit.Abstractions;

namespace NotebookDL.Tests.Models;

/// <summary>Our ResNets against torchvision's: same keys in the same order, same logits and gradients from the same weights.</summary>
public sealed class ResNetParityTests(TorchvisionReference reference, ITestOutputHelper output) : IClassFixture<TorchvisionReference>
{
    private static ResNet Build(string arch) => arch switch
    {
        "resnet18" => NotebookDL.Models.Models.ResNet18(numClasses: 10),
        "resnet34" => NotebookDL.Models.Models.ResNet34(numClasses: 10),
        _ => NotebookDL.Models.Models.ResNet50(numClasses: 10),
    };

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    public void StateDictKeys_AreTorchvisionsInOrder(string arch)
    {
        using var model = Build(arch);
        var expected = reference.Meta[arch]!["keys"]!.AsArray().Select(k => (string)k!).ToList();
        Assert.Equal(expected, model.state_dict().Keys.ToList());
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    public void EvalLogits_MatchTorchvision_AfterLoadingItsStateDict(string arch)
    {
        using var scope = torch.NewDisposeScope();
        var meta = reference.Meta[arch]!;
        using var model = Build(arch);
        var state = torch.load(reference.PathOf(arch + ".pth"));
        model.load_state_dict(state, strict: true);
        model.eval();
        var x = reference.Load(arch + ".x", meta["x"]!);
        Tensor logits;
        using (torch.no_grad()) logits = model.call(x);
        var expected = reference.Load(arch + ".eval", meta["eval"]!);
        var diff = TorchvisionReference.MaxAbsDiff(logits, expected);
        output.WriteLine($"{arch} eval logits: max |diff| = {diff:E2} (max |logit| {TorchvisionReference.MaxAbs(expected):F3})");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    public void TrainForwardBackward_MatchesTorchvisionGradients(string arch)
    {
        using var scope = torch.NewDisposeScope();
        var meta = reference.Meta[arch]!;
        using var model = Build(arch);
        model.load_state_dict(torch.load(reference.PathOf(arch + ".pth")), strict: true);
        var x = reference.Load(arch + ".x", meta["x"]!);
        var target = reference.Load(arch + ".target", meta["target"]!);
        // Same sequence as the script: an eval forward (no effect on state), then a train-mode forward and backward.
        model.train();
        var outp = model.call(x);
        var loss = (outp * target).sum();
        loss.backward();

        var trainDiff = TorchvisionReference.MaxAbsDiff(outp, reference.Load(arch + ".train", meta["train"]!));
        output.WriteLine($"{arch} train logits: max |diff| = {trainDiff:E2}; loss {loss.item<float>()} vs {(double)meta["loss"]!}");
        Assert.True(trainDiff < 1e-4, $"train-mode logits differ by {trainDiff}");
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.param);
        foreach (var name in meta["grads"]!.AsArray().Select(n => (string)n!))
        {
            var expected = reference.Load($"{arch}.grad.{name}", new System.Text.Json.Nodes.JsonArray(parameters[name].shape.Select(s => (System.Text.Json.Nodes.JsonNode)s).ToArray()));
            var grad = parameters[name].grad ?? throw new InvalidOperationException($"{name} has no gradient.");
            var relative = TorchvisionReference.MaxAbsDiff(grad, expected) / TorchvisionReference.MaxAbs(expected);
            output.WriteLine($"{arch} grad {name}: max |diff| / max |grad| = {relative:E2}");
            Assert.True(relative < 1e-4, $"{name}.grad relative diff {relative}");
        }
    }

    [Fact]
    public void ConvInit_HasTorchvisionsSpread_AndBatchNormStartsAsIdentity()
    {
        using var model = NotebookDL.Models.Models.ResNet18(numClasses: 10);
        var torchvisionWeights = torch.load(reference.PathOf("resnet18.pth"));
        // kaiming_normal_(fan_out, relu): std √(2 / (512·3·3)) ≈ 0.0208 for layer4; compare with torchvision's own draw.
        foreach (var key in new[] { "conv1.weight", "layer4.1.conv2.weight", "layer2.0.downsample.0.weight" })
        {
            var ours = model.state_dict()[key].std().item<float>();
            var theirs = torchvisionWeights[key].std().item<float>();
            Assert.InRange(ours / theirs, 0.95, 1.05);
        }
        Assert.All(model.modules().OfType<BatchNorm2d>(), bn =>
        {
            Assert.Equal(1f, bn.weight!.min().item<float>());
            Assert.Equal(1f, bn.weight!.max().item<float>());
            Assert.Equal(0f, bn.bias!.abs().max().item<float>());
        });
        // fc keeps PyTorch's Linear default: U(±1/√512).
        Assert.InRange(model.fc.weight.abs().max().item<float>(), 0.04, 1 / Math.Sqrt(512));
    }
}
