using NotebookDL.Torch.Modules;

namespace NotebookDL.Torch.Tests.NN;

/// <summary>End to end: a small MLP learns a separable problem with hand-written SGD.</summary>
public sealed class TrainingStepTests
{
    [Fact]
    public void MlpReachesLowLossWithPlainSgd()
    {
        manual_seed(42);
        using var data = NewDisposeScope();
        // Two classes split by the line x0 + x1 = 0, with a margin.
        var x = randn(256, 2);
        var y = x.sum(1).gt(0).@long();
        var keep = x.sum(1).abs().gt(0.2);
        x = x[keep];
        y = y[keep];
        using var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2));
        var parameters = model.parameters().ToList();
        double first = 0, last = 0;
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
            model.zero_grad();
            loss.backward();
            using (no_grad())
                foreach (var p in parameters) p.sub_(p.grad! * 0.5);
        }
        Assert.True(first > 0.4, $"initial loss {first} should be near ln 2");
        Assert.True(last < 0.05, $"final loss {last} should be small");
        model.eval();
        using var accuracy = model.call(x).argmax(1).eq(y).@float().mean();
        Assert.True(accuracy.item<float>() > 0.98);
        Assert.All(parameters, p => Assert.False(p.IsDisposed));
    }
}
