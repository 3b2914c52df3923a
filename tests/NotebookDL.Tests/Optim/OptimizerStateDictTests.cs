namespace NotebookDL.Optim.Tests.Optim;

/// <summary>state_dict has PyTorch's shape and load_state_dict resumes training exactly.</summary>
public sealed class OptimizerStateDictTests
{
    private static (Tensor a, Tensor b) Params() =>
        (torch.tensor(new[] { 1f, -2f, 3f }).requires_grad_(), torch.tensor(new[] { 0.5f }).requires_grad_());

    private static void Step(Optimizer opt, Tensor a, Tensor b, float g)
    {
        a.grad = torch.full([3], g);
        b.grad = torch.full([1], -g);
        opt.step();
    }

    [Fact]
    public void StateDictIsShapedLikePyTorchs()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = Params();
        using var opt = new AdamOptimizer([new ParameterGroup([a]), new ParameterGroup([b], lr: 0.5)], new AdamOptions());
        Step(opt, a, b, 1);
        Step(opt, a, b, 2);
        var sd = opt.state_dict();
        Assert.Equal(new long[] { 0, 1 }, sd.state.Keys.Order());
        Assert.Equal(["exp_avg", "exp_avg_sq", "step"], sd.state[0].Keys.Order());
        Assert.Equal(2f, sd.state[1]["step"].ToSingle());
        Assert.Equal(new List<long> { 0 }, sd.param_groups[0]["params"]);
        Assert.Equal(new List<long> { 1 }, sd.param_groups[1]["params"]);
        Assert.Equal(0.5, sd.param_groups[1]["lr"]);
        Assert.Equal((0.9, 0.999), sd.param_groups[0]["betas"]);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    public void LoadedStateContinuesExactlyLikeTheOriginal(string kind)
    {
        using var scope = torch.NewDisposeScope();
        Optimizer Make(Tensor a, Tensor b) => kind switch
        {
            "sgd" => Optimizers.SGD([a, b], 0.1, momentum: 0.9),
            "adam" => Optimizers.Adam([a, b], lr: 0.1, amsgrad: true),
            _ => Optimizers.RMSprop([a, b], momentum: 0.5, centered: true),
        };
        var (a1, b1) = Params();
        using var original = Make(a1, b1);
        Step(original, a1, b1, 1);
        Step(original, a1, b1, -3);
        original.param_groups[0].lr = 0.05;

        var (a2, b2) = Params();
        a2.detach().copy_(a1);
        b2.detach().copy_(b1);
        using var resumed = Make(a2, b2);
        resumed.load_state_dict(original.state_dict());
        Assert.Equal(0.05, resumed.param_groups[0].lr);

        Step(original, a1, b1, 2);
        Step(resumed, a2, b2, 2);
        Assert.Equal(a1.detach().ToArray<float>(), a2.detach().ToArray<float>());
        Assert.Equal(b1.detach().ToArray<float>(), b2.detach().ToArray<float>());
        // A copy, not shared: the resumed optimizer's buffers are its own tensors.
        Assert.NotSame(original.state[a1].Values.First(), resumed.state[a2].Values.First());
    }

    [Fact]
    public void MismatchedGroupsAreRejected()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = Params();
        using var two = new SGDOptimizer([new ParameterGroup([a]), new ParameterGroup([b])], new SGDOptions(0.1));
        using var one = Optimizers.SGD([a, b], 0.1);
        Assert.Throws<ArgumentException>(() => one.load_state_dict(two.state_dict()));
    }
}
