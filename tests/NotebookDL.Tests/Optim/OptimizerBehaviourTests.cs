namespace NotebookDL.Optim.Tests.Optim;

/// <summary>Update rules checked against hand-computed values, parameter groups, zero_grad and memory ownership.</summary>
public sealed class OptimizerBehaviourTests
{
    private static Tensor Param(params float[] values) => torch.tensor(values).requires_grad_();

    [Fact]
    public void SgdMomentumFollowsTheDefinition()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(1f);
        using var opt = Optimizers.SGD([p], 0.1, momentum: 0.9);
        // g = 0.5 each step. Step 1: buf = g = 0.5, p = 1 - 0.05 = 0.95. Step 2: buf = 0.9*0.5 + 0.5 = 0.95, p = 0.95 - 0.095.
        p.grad = torch.tensor(new[] { 0.5f });
        opt.step();
        Assert.Equal(0.95f, p.detach().ToSingle(), 6);
        opt.step();
        Assert.Equal(0.855f, p.detach().ToSingle(), 6);
    }

    [Fact]
    public void AdamFirstStepMovesByLrTimesSignOfGradient()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(1f, 1f, 1f);
        using var opt = Optimizers.Adam([p], lr: 0.01);
        // After one step the bias-corrected moments are g and g², so the step is lr * g / (|g| + eps).
        p.grad = torch.tensor(new[] { 3f, -0.2f, 1e-3f });
        opt.step();
        var got = p.detach().ToArray<float>();
        Assert.Equal(1 - 0.01f, got[0], 6);
        Assert.Equal(1 + 0.01f, got[1], 6);
        Assert.Equal(1 - 0.01 * 1e-3 / (1e-3 + 1e-8), got[2], 6);
    }

    [Fact]
    public void AdamWDecaysWeightsWithoutTouchingTheMoments()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(2f);
        using var opt = Optimizers.AdamW([p], lr: 0.1, weight_decay: 0.5);
        p.grad = torch.tensor(new[] { 0f });
        opt.step();
        // Zero gradient: the moments stay 0 and only the decay p *= 1 - lr*wd applies.
        Assert.Equal(2 * (1 - 0.05f), p.detach().ToSingle(), 6);
        Assert.Equal(0f, opt.state[p]["exp_avg"].ToSingle());
    }

    [Fact]
    public void GroupsKeepTheirOwnLearningRates()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(0f);
        var b = Param(0f);
        using var opt = new SGDOptimizer([new ParameterGroup([a]), new ParameterGroup([b], lr: 0.5)], new SGDOptions(0.1));
        a.grad = torch.tensor(new[] { 1f });
        b.grad = torch.tensor(new[] { 1f });
        opt.step();
        Assert.Equal((-0.1f, -0.5f), (a.detach().ToSingle(), b.detach().ToSingle()));
        opt.param_groups[0].lr = 0.2;
        opt.step();
        Assert.Equal((-0.3f, -1.0f), (a.detach().ToSingle(), b.detach().ToSingle()));
    }

    [Fact]
    public void MomentumOfAnAdamGroupIsBeta1()
    {
        using var p = torch.zeros(1);
        using var opt = Optimizers.Adam([p]);
        opt.param_groups[0].momentum = 0.85;
        Assert.Equal((0.85, 0.999), ((AdamOptions)opt.param_groups[0].options).betas);
    }

    [Fact]
    public void AParameterInTwoGroupsIsRejected()
    {
        using var p = torch.zeros(1);
        Assert.Throws<ArgumentException>(() => new SGDOptimizer([new ParameterGroup([p]), new ParameterGroup([p])], new SGDOptions(0.1)));
    }

    [Fact]
    public void ZeroGradDropsOrZeroesGradients()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(1f, 2f);
        using var opt = Optimizers.SGD([p], 0.1);
        p.grad = torch.ones(2);
        opt.zero_grad(set_to_none: false);
        Assert.Equal(new[] { 0f, 0f }, p.grad!.ToArray<float>());
        opt.zero_grad();
        Assert.Null(p.grad);
    }

    [Fact]
    public void ParametersWithoutGradientsAreSkipped()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(1f);
        using var opt = Optimizers.Adam([p]);
        opt.step();
        Assert.Equal(1f, p.detach().ToSingle());
        Assert.Empty(opt.state);
    }

    [Fact]
    public void StateOutlivesTheCallersDisposeScopeAndStepsDoNotLeakIntoIt()
    {
        var p = Param(1f, 2f);
        using var opt = Optimizers.RMSprop([p], momentum: 0.9, centered: true);
        using (var outer = torch.NewDisposeScope())
        {
            p.grad = torch.ones(2);
            opt.step();
            var afterOne = outer.DisposablesCount;
            for (var i = 0; i < 10; i++) opt.step();
            // Each step's temporaries live in its own inner scopes, so the caller's scope does not grow.
            Assert.Equal(afterOne, outer.DisposablesCount);
        }
        Assert.All(opt.state[p].Values, t => Assert.False(t.IsInvalid));
        p.grad = torch.ones(2);
        opt.step();
        p.Dispose();
    }
}
