using NotebookDL.Inspect;
using static NotebookDL.Inspect.HookFunctions;

namespace NotebookDL.Tests.Inspect;

public sealed class HookTests
{
    private static Sequential Net() => nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3));

    [Fact]
    public void HookOutput_keeps_exactly_each_modules_output_detached()
    {
        using var scope = torch.NewDisposeScope();
        var model = Net();
        var x = torch.randn(5, 4);
        using var hooks = HookOutputs([model[0], model[1]]);
        var y = model.call(x);
        var first = ((nn.Module<Tensor, Tensor>)model[0]).call(x);
        Assert.True(Same(hooks.Stored[0]!, first));
        Assert.True(Same(hooks.Stored[1]!, first.relu()));
        Assert.False(hooks.Stored[0]!.requires_grad);
        Assert.True(Same(y, ((nn.Module<Tensor, Tensor>)model[2]).call(first.relu())));
    }

    [Fact]
    public void A_disposed_hook_is_never_called_again_and_frees_what_it_kept()
    {
        using var scope = torch.NewDisposeScope();
        var model = Net();
        var calls = 0;
        var hook = new Hook(model[1], (_, o) => { calls++; return o.sum(); });
        model.call(torch.randn(2, 4));
        var kept = hook.Stored!;
        Assert.Equal(1, calls);
        hook.Dispose();
        model.call(torch.randn(2, 4));
        Assert.Equal(1, calls);
        Assert.Null(hook.Stored);
        Assert.True(kept.IsInvalid);
    }

    [Fact]
    public void An_undetached_hook_stays_in_the_graph_and_leaves_the_models_result_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        var model = Net();
        var x = torch.randn(3, 4);
        var plain = model.call(x);
        using var hook = HookOutput(model[1], detach: false);
        var y = model.call(x);
        Assert.True(Same(y, plain));
        var acts = hook.Stored!;
        Assert.True(acts.requires_grad);
        // The gradient of the output with respect to the hidden layer is the last layer's weight, summed over outputs.
        var grad = torch.autograd.grad([y.sum()], [acts])[0];
        var expected = ((Linear)model[2]).weight!.sum(dim: 0).expand(3, 8);
        Assert.True(grad.allclose(expected, rtol: 1e-6, atol: 1e-6));
    }

    [Fact]
    public void A_gradient_hook_holds_the_gradient_of_the_modules_output_after_backward()
    {
        using var scope = torch.NewDisposeScope();
        var model = Net();
        var x = torch.randn(3, 4);
        using var hook = HookOutput(model[1], grad: true);
        Assert.Null(hook.Stored);
        var y = model.call(x);
        y.square().sum().backward();
        // d(sum y²)/dh = 2 y W for y = W h + b.
        var expected = (2 * y.detach()).matmul(((Linear)model[2]).weight!);
        Assert.True(hook.Stored!.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
