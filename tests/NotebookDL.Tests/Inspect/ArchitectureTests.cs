using NotebookDL.Architectures;
using NotebookDL.Architectures.Tests;
using M = NotebookDL.Architectures.Models;

namespace NotebookDL.Tests.Inspect;

/// <summary>
/// The classic architectures: output shapes and parameter counts, and the ones with their own blocks (LeNet-5, the
/// lesson-7 ResNet, the inception and dense blocks) forward and backward against the same modules in PyTorch 1.13
/// loaded with our weights.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Reference = """
        import sys, torch, torch.nn as nn
        torch.set_num_threads(1)
        state, x, kind = torch.load(sys.argv[1]), torch.load(sys.argv[2])['x'], sys.argv[3]
        def cbr(i, o, k):
            return nn.Sequential(nn.Conv2d(i, o, k, padding=k // 2, bias=False), nn.BatchNorm2d(o), nn.ReLU())
        def conv_layer(i, o, stride=1):
            return nn.Sequential(nn.Conv2d(i, o, 3, stride=stride, padding=1, bias=False), nn.ReLU(), nn.BatchNorm2d(o))
        class ResBlock(nn.Module):
            def __init__(self, nf):
                super().__init__()
                self.conv1, self.conv2 = conv_layer(nf, nf), conv_layer(nf, nf)
            def forward(self, x):
                return x + self.conv2(self.conv1(x))
        class Inception(nn.Module):
            def __init__(self):
                super().__init__()
                self.branch1 = cbr(6, 4, 1)
                self.branch3 = nn.Sequential(cbr(6, 3, 1), cbr(3, 5, 3))
                self.branch5 = nn.Sequential(cbr(6, 2, 1), cbr(2, 3, 5))
                self.branchPool = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), cbr(6, 2, 1))
            def forward(self, x):
                return torch.cat([self.branch1(x), self.branch3(x), self.branch5(x), self.branchPool(x)], 1)
        class Dense(nn.Module):
            def __init__(self):
                super().__init__()
                self.layers = nn.ModuleList([nn.Sequential(nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, 4, 3, padding=1, bias=False)) for c in (6, 10, 14)])
            def forward(self, x):
                for l in self.layers:
                    x = torch.cat([x, l(x)], 1)
                return x
        if kind == 'lenet':
            m = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.AvgPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2),
                              nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
        elif kind == 'resnet':
            layers, c = [], 1
            for w in (8, 16, 32, 16):
                layers += [conv_layer(c, w, 2), ResBlock(w)]
                c = w
            m = nn.Sequential(*layers, conv_layer(c, 10, 2), nn.Flatten())
        elif kind == 'inception':
            m = Inception()
        else:
            m = Dense()
        m = m.double()  # the test runs in float64, so that summation order does not count
        m.load_state_dict(state)
        m.train()
        """;

    [Theory]
    [InlineData("lenet")]
    [InlineData("resnet")]
    [InlineData("inception")]
    [InlineData("dense")]
    public void Forward_and_backward_match_PyTorch(string kind)
    {
        using var scope = torch.NewDisposeScope();
        nn.Module<Tensor, Tensor> model = kind switch
        {
            "lenet" => M.LeNet5(),
            "resnet" => M.ResNetFromScratch(),
            "inception" => new InceptionBlock(6, 4, (3, 5), (2, 3), 2),
            _ => new DenseBlock(6, 4, 3),
        };
        model.to(ScalarType.Float64);
        var x = (kind is "lenet" or "resnet" ? torch.randn(4, 1, 28, 28) : torch.randn(4, 6, 7, 7)).to(ScalarType.Float64);
        PyTorchModuleParity.AssertForwardBackward(model, x, training: true, Reference, kind);
    }

    public static TheoryData<string, long> Nets => new()
    {
        { "LeNet5", 61_706 }, { "AlexNetSmall", 0 }, { "VggSmall", 0 }, { "GoogLeNetSmall", 0 }, { "ResNetFromScratch", 0 }, { "DenseNetSmall", 0 },
    };

    [Theory]
    [MemberData(nameof(Nets))]
    public void Every_net_maps_28x28_images_to_10_scores_and_trains_a_step(string name, long parameters)
    {
        using var scope = torch.NewDisposeScope();
        var model = name switch
        {
            "LeNet5" => M.LeNet5(),
            "AlexNetSmall" => M.AlexNetSmall(),
            "VggSmall" => M.VggSmall(),
            "GoogLeNetSmall" => M.GoogLeNetSmall(),
            "ResNetFromScratch" => M.ResNetFromScratch(blocksPerStage: 2),
            _ => M.DenseNetSmall(),
        };
        var x = torch.randn(3, 1, 28, 28);
        var y = model.call(x);
        Assert.Equal([3L, 10L], y.shape);
        // The hand count in LeNet5's documentation: 156 + 2,416 + 48,120 + 10,164 + 850.
        if (parameters > 0) Assert.Equal(parameters, model.parameters().Sum(p => p.numel()));
        nn.functional.cross_entropy(y, torch.tensor(new long[] { 0, 1, 2 })).backward();
        Assert.All(model.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name}: a parameter got no gradient"));
    }

    [Fact]
    public void The_plain_stack_has_the_same_layers_as_the_residual_one_without_the_additions()
    {
        using var scope = torch.NewDisposeScope();
        var residual = M.ResNetFromScratch(blocksPerStage: 2);
        var plain = M.ResNetFromScratch(blocksPerStage: 2, skip: false);
        plain.load_state_dict(residual.state_dict());
        var x = torch.randn(2, 1, 28, 28);
        residual.eval();
        plain.eval();
        Assert.Equal(residual.parameters().Sum(p => p.numel()), plain.parameters().Sum(p => p.numel()));
        Assert.False(residual.call(x).allclose(plain.call(x)));
    }
}
