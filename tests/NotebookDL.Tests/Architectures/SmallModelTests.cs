using M = NotebookDL.Architectures.Models;

namespace NotebookDL.Tests.Architectures;

public sealed class SmallModelTests
{
    [Fact]
    public void SimpleCnn_HasTheBaselineLayers_AndMapsFashionMnistBatchesToLogits()
    {
        using var model = M.SimpleCnn();
        Assert.Equal(
            ["Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d", "Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d", "Flatten", "Linear", "ReLU", "Dropout", "Linear"],
            model.children().Select(m => m.GetType().Name));
        Assert.Equal(0.25, ((Dropout)model.At(11)).p);
        // PyTorch: sum(p.numel()) of the same nn.Sequential = 160 + 32 + 4640 + 64 + 200832 + 1290.
        Assert.Equal(207018, model.parameters().Sum(p => p.numel()));
        using var y = model.call(torch.randn(4, 1, 28, 28));
        Assert.Equal([4L, 10L], y.shape);
    }

    [Fact]
    public void Mlp_FlattensThenAlternatesLinearAndRelu()
    {
        using var model = M.Mlp(784, 100, 10);
        Assert.Equal(["1.weight", "1.bias", "3.weight", "3.bias"], model.state_dict().Keys);
        Assert.Equal(["Flatten", "Linear", "ReLU", "Linear"], model.children().Select(m => m.GetType().Name));
        using var y = model.call(torch.randn(3, 1, 28, 28));
        Assert.Equal([3L, 10L], y.shape);
        Assert.Throws<ArgumentException>(() => M.Mlp(784));
    }

    [Fact]
    public void ResNet18_OnTinyGrayscaleImages_Works()
    {
        using var model = M.ResNet18(numClasses: 10, inChannels: 1);
        using var y = model.call(torch.randn(2, 1, 28, 28));
        Assert.Equal([2L, 10L], y.shape);
        Assert.Equal(1, model.conv1.in_channels);
    }
}
