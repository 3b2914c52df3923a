namespace NotebookDL.Torch.Tests;

public class AutogradTests
{
    [Fact]
    public void Backward_accumulates_gradients_of_a_composite_expression()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = (x * x * 3 + x).sum();            // dy/dx = 6x + 1
        y.backward();
        Assert.Equal(new double[] { 7, 13, 19 }, x.grad!.ToArray<double>());
        (x * 2).sum().backward();                  // gradients accumulate, as in PyTorch
        Assert.Equal(new double[] { 9, 15, 21 }, x.grad!.ToArray<double>());
        x.grad!.zero_();
        Assert.Equal(new double[] { 0, 0, 0 }, x.grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_with_explicit_gradient_and_retain_graph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var y = x * x;
        y.backward(tensor(new double[] { 1, 10 }), retain_graph: true);
        Assert.Equal(new double[] { 2, 40 }, x.grad!.ToArray<double>());
        y.backward(tensor(new double[] { 1, 1 }));  // allowed: the graph was retained
        Assert.Equal(new double[] { 4, 44 }, x.grad!.ToArray<double>());
        var e = Assert.Throws<TorchException>(() => y.backward(tensor(new double[] { 1, 1 })));
        Assert.Contains("second time", e.Message);
    }

    [Fact]
    public void Non_scalar_backward_without_gradient_is_an_error()
    {
        using var scope = NewDisposeScope();
        var x = ones(new long[] { 2 }, requires_grad: true);
        var e = Assert.Throws<TorchException>(() => (x * 2).backward());
        Assert.Contains("scalar outputs", e.Message);
    }

    [Fact]
    public void No_grad_and_enable_grad_scopes_nest_and_restore()
    {
        using var scope = NewDisposeScope();
        var w = ones(new long[] { 2 }, requires_grad: true);
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            Assert.False((w * 2).requires_grad);
            using (enable_grad())
            {
                Assert.True((w * 2).requires_grad);
            }
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
        Assert.True((w * 2).requires_grad);
    }

    [Fact]
    public void Detach_and_requires_grad_toggle()
    {
        using var scope = NewDisposeScope();
        var w = ones(new long[] { 2 }, requires_grad: true);
        var d = (w * 3).detach();
        Assert.False(d.requires_grad);
        Assert.Null(d.grad_fn);
        var z = zeros(2);
        Assert.False(z.requires_grad);
        Assert.Same(z, z.requires_grad_());
        Assert.True(z.requires_grad);
        z.requires_grad = false;
        Assert.False(z.requires_grad);
    }

    [Fact]
    public void Retain_grad_keeps_the_gradient_of_an_intermediate()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, requires_grad: true);
        var hidden = (x * 2).retain_grad();
        (hidden * hidden).sum().backward();
        Assert.Equal(new double[] { 4, 8 }, hidden.grad!.ToArray<double>());   // d/dh h^2 = 2h
        Assert.Equal(new double[] { 8, 16 }, x.grad!.ToArray<double>());
    }

    [Fact]
    public void Autograd_grad_with_create_graph_gives_second_derivatives()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2, 3 }, requires_grad: true);
        var y = x.pow(3).sum();
        var first = autograd.grad(new[] { y }, new[] { x }, create_graph: true)[0]!;  // 3x^2
        Assert.Equal(new double[] { 12, 27 }, first.ToArray<double>());
        var second = autograd.grad(new[] { first.sum() }, new[] { x })[0]!;         // 6x
        Assert.Equal(new double[] { 12, 18 }, second.ToArray<double>());
        Assert.Null(x.grad);                                                         // autograd.grad does not accumulate

        var unused = ones(new long[] { 1 }, requires_grad: true);
        var z = (x * 2).sum();
        var grads = autograd.grad(new[] { z }, new[] { x, unused }, new Tensor?[] { tensor(0.5) }, allow_unused: true);
        Assert.Equal(new double[] { 1, 1 }, grads[0]!.ToArray<double>());
        Assert.Null(grads[1]);
        Assert.Throws<ArgumentException>(() => autograd.grad(new[] { z }, new[] { x }, new Tensor?[0]));
    }
}
