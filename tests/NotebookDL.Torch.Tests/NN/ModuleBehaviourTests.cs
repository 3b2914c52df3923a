using NotebookDL.Torch.Modules;

namespace NotebookDL.Torch.Tests.NN;

/// <summary>Hooks, train/eval, state dicts, device/dtype moves and ownership of parameters.</summary>
public sealed class ModuleBehaviourTests
{
    [Fact]
    public void ForwardHooksFireInOrderAndCanBeRemoved()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2));
        var seen = new List<string>();
        Tensor? captured = null;
        using var first = model[1].register_forward_hook((m, input, output) => { seen.Add("relu"); captured = output; });
        var second = model.register_forward_hook((m, input, output) => seen.Add($"model {output.shape[1]}"));
        var y = model.call(randn(5, 3));
        Assert.Equal(["relu", "model 2"], seen);
        Assert.Equal([5L, 4L], captured!.shape);
        Assert.True(captured.ge(0).all().item<bool>());

        second.Dispose();
        model.call(randn(1, 3));
        Assert.Equal(["relu", "model 2", "relu"], seen);
        first.Dispose();
        model.call(randn(1, 3));
        Assert.Equal(3, seen.Count);
        model.forward(randn(1, 3)); // forward alone never runs hooks, as in PyTorch
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void DropoutIsActiveOnlyInTrainingMode()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Sequential(nn.Dropout(0.5), nn.Dropout2d(0.5));
        var x = ones(8, 16, 4, 4);
        var train = model.call(x);
        var values = train.unique().values.ToArray<float>();
        Assert.Contains(0f, values);                // dropped
        Assert.Contains(4f, values);                // kept, scaled by 1/(1-p) twice
        Assert.True(model.training && model[0].training);

        model.eval();
        Assert.False(model[1].training);
        Assert.Equal(x.ToArray<float>(), model.call(x).ToArray<float>());
        model.train();
        Assert.True(model[0].training);
    }

    [Fact]
    public void BatchNormUsesBatchStatisticsInTrainingAndRunningStatisticsInEval()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm1d(3);
        var x = randn(64, 3) * 4 + 10;
        var train = bn.call(x);
        Assert.True(train.mean(0).abs().max().item<float>() < 1e-4);   // normalised with the batch's own mean
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());

        bn.eval();
        var eval = bn.call(x);
        var expected = (x - bn.running_mean!) / (bn.running_var! + 1e-5).sqrt();
        Assert.True((eval - expected).abs().max().item<float>() < 1e-4);
        Assert.Equal(1L, bn.num_batches_tracked.item<long>());           // eval leaves the statistics alone
    }

    [Fact]
    public void StrictLoadStateDictListsMissingUnexpectedAndMismatchedKeys()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Linear(4, 2));
        var good = model.state_dict();
        var bad = new Dictionary<string, Tensor>(good);
        bad.Remove("2.bias");
        bad.Remove("1.running_var");
        bad["head.weight"] = zeros(2, 2);
        bad["0.weight"] = zeros(4, 5);

        var error = Assert.Throws<StateDictException>(() => model.load_state_dict(bad));
        Assert.Equal(["1.running_var", "2.bias"], error.missing_keys);
        Assert.Equal(["head.weight"], error.unexpected_keys);
        Assert.Single(error.size_mismatches);
        Assert.Contains("0.weight", error.Message);
        Assert.Contains("head.weight", error.Message);
        Assert.Contains("2.bias", error.Message);

        // Non-strict ignores missing and unexpected keys but never a wrong shape.
        bad["0.weight"] = full([4L, 3L], 0.25);
        model.load_state_dict(bad, strict: false);
        Assert.All(((Linear)model[0]).weight.ToArray<float>(), v => Assert.Equal(0.25f, v));
        bad["0.weight"] = zeros(3, 4);
        Assert.Throws<StateDictException>(() => model.load_state_dict(bad, strict: false));
    }

    [Fact]
    public void StateDictValuesAreDetachedAliasesThatRoundTrip()
    {
        using var scope = NewDisposeScope();
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(3, 2);
        var state = a.state_dict();
        Assert.Equal(["weight", "bias"], state.Keys);
        Assert.False(state["weight"].requires_grad);
        using (no_grad()) a.weight.add_(1);
        Assert.Equal(a.weight.ToArray<float>(), state["weight"].ToArray<float>()); // shares memory

        b.load_state_dict(state);
        Assert.Equal(a.weight.ToArray<float>(), b.weight.ToArray<float>());
        Assert.True(b.weight.requires_grad && b.weight.is_leaf);
    }

    [Fact]
    public void ToDoubleKeepsTensorObjectsAndIntegerBuffers()
    {
        using var model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4));
        var weight = ((Linear)model[0]).weight;
        model.to(ScalarType.Float64);
        Assert.Same(weight, ((Linear)model[0]).weight);
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.True(weight.requires_grad && weight.is_leaf);
        Assert.Equal(ScalarType.Float64, ((BatchNorm1d)model[1]).running_mean!.dtype);
        Assert.Equal(ScalarType.Int64, ((BatchNorm1d)model[1]).num_batches_tracked!.dtype);
        using var y = model.call(randn([2L, 3L], ScalarType.Float64));
        Assert.Equal(ScalarType.Float64, y.dtype);
    }

    [Fact]
    public void ParametersSurviveDisposeScopesAndDieWithTheModule()
    {
        Linear layer;
        using (NewDisposeScope()) layer = nn.Linear(2, 2);
        Assert.False(layer.weight.IsDisposed);
        using (NewDisposeScope()) layer.call(ones(1, 2)).sum().backward();
        Assert.NotNull(layer.weight.grad);

        var weight = layer.weight;
        layer.Dispose();
        Assert.True(weight.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => layer.parameters().ToList());
    }

    [Fact]
    public void ZeroGradAndFreezing()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1));
        model.call(randn(4, 2)).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
        model.zero_grad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));

        model[0].requires_grad_(false);
        Assert.Equal([false, false, true, true], model.parameters().Select(p => p.requires_grad));
        model.call(randn(4, 2)).sum().backward();
        Assert.Null(((Linear)model[0]).weight.grad);
        Assert.NotNull(((Linear)model[1]).weight.grad);
    }

    [Fact]
    public void SharedModulesAndParametersAreListedOnce()
    {
        using var scope = NewDisposeScope();
        var shared = nn.Linear(2, 2);
        using var model = nn.Sequential(shared, nn.ReLU(), shared);
        Assert.Equal(["0.weight", "0.bias"], model.named_parameters().Select(p => p.name));
        Assert.Equal(["", "0", "1"], model.named_modules().Select(m => m.name));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], model.state_dict().Keys); // as PyTorch's state_dict
    }

    [Fact]
    public void RegistrationErrorsNameTheProblem()
    {
        using var layer = nn.Linear(2, 2);
        var dotted = Assert.Throws<ArgumentException>(() => layer.register_buffer("a.b", zeros(1)));
        Assert.Contains("a.b", dotted.Message);
        var clash = Assert.Throws<ArgumentException>(() => layer.register_buffer("weight", zeros(1)));
        Assert.Contains("weight", clash.Message);
        var notLeaf = Assert.Throws<ArgumentException>(() => layer.register_parameter("w2", ones([2L], requires_grad: true) * 2));
        Assert.Contains("leaf", notLeaf.Message);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => nn.Conv2d(3, 0, 3));
        Assert.Contains("out_channels", bad.Message);
        Assert.Contains("groups (2)", Assert.Throws<ArgumentException>(() => nn.Conv2d(3, 4, 3, groups: 2)).Message);
    }

    [Fact]
    public void PrintsLikePyTorch()
    {
        using var model = nn.Sequential(nn.Conv2d(3, 8, 3, padding: 1, bias: false), nn.ReLU(), nn.Linear(8, 2));
        Assert.Equal("Sequential(\n  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)\n  (1): ReLU()\n" +
                     "  (2): Linear(in_features=8, out_features=2, bias=True)\n)", model.ToString());
    }
}
