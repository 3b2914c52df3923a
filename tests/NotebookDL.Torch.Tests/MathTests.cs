namespace NotebookDL.Torch.Tests;

public class MathTests
{
    [Fact]
    public void Operators_broadcast_and_promote_like_pytorch()
    {
        using var scope = NewDisposeScope();
        var col = tensor(new float[,] { { 1 }, { 2 } });
        var row = tensor(new float[] { 10, 20, 30 });
        Assert.Equal(new long[] { 2, 3 }, (col + row).shape);
        Assert.Equal(new float[] { 11, 21, 31, 12, 22, 32 }, (col + row).ToArray<float>());
        Assert.Equal(new float[] { 9, 19, 29, 8, 18, 28 }, (row - col).ToArray<float>());
        Assert.Equal(new float[] { -1, -2 }, (-col).ToArray<float>());
        Assert.Equal(new float[] { 2, 1 }, (2 / col * 1).ToArray<float>());
        Assert.Equal(new float[] { 0, -1 }, (1 - col).ToArray<float>());

        var ints = tensor(new long[] { 1, 2, 3 });
        Assert.Equal(int64, (ints + 1).dtype);           // int + int scalar stays int
        Assert.Equal(float32, (ints + 0.5).dtype);       // int + float scalar becomes the default float
        Assert.Equal(float32, (ints / 2).dtype);          // true division
        Assert.Equal(new long[] { 1, 0, 1 }, (ints % 2).ToArray<long>());
        Assert.Equal(new float[] { 0.5f, 1, 1.5f }, (ints / 2).ToArray<float>());
    }

    [Fact]
    public void Comparisons_return_bool_tensors_and_logical_ops_combine_them()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1, 5, 3 });
        Assert.Equal(@bool, (x > 2).dtype);
        Assert.Equal(new[] { false, true, true }, (x > 2).ToArray<bool>());
        Assert.Equal(new[] { true, false, true }, (x <= 3).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, (x == 3).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, (x != 3).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, ((x > 2) & (x < 4)).ToArray<bool>());
        Assert.Equal(new[] { true, true, false }, ((x < 2) | (x > 4)).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, ((x > 2) ^ (x > 4)).ToArray<bool>());
        Assert.Equal(new[] { true, false, false }, (~(x > 2)).ToArray<bool>());
        Assert.Equal(new[] { false, true, true }, (x > 2).logical_and(x < 10).ToArray<bool>());
        Assert.Equal(new[] { true, false, false }, (x > 2).logical_not().ToArray<bool>());
        Assert.Throws<ArgumentNullException>(() => x == (Tensor)null!);
    }

    [Fact]
    public void Unary_functions_on_known_values()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { -2, 0, 1.5 });
        Assert.Equal(new double[] { 0, 0, 1.5 }, x.relu().ToArray<double>());
        Assert.Equal(new double[] { 2, 0, 1.5 }, x.abs().ToArray<double>());
        Assert.Equal(new double[] { -1, 0, 1 }, x.sign().ToArray<double>());
        Assert.Equal(new double[] { -2, 0, 1 }, x.floor().ToArray<double>());
        Assert.Equal(new double[] { -2, 0, 2 }, x.ceil().ToArray<double>());
        Assert.Equal(new double[] { -1, 0, 1.5 }, x.clamp(-1).ToArray<double>());
        Assert.Equal(new double[] { -1, 0, 1 }, x.clamp(-1, 1).ToArray<double>());
        Assert.Throws<ArgumentException>(() => x.clamp());
        Assert.Equal(Math.Exp(1.5), x.exp()[2].item<double>(), 12);
        Assert.Equal(1 / (1 + Math.Exp(2)), x.sigmoid()[0].item<double>(), 12);
        Assert.Equal(Math.Tanh(1.5), x.tanh()[2].item<double>(), 12);
        Assert.Equal(-0.02, x.leaky_relu()[0].item<double>(), 12);
        var sm = x.softmax(0);
        Assert.Equal(1.0, sm.sum().item<double>(), 12);
        Assert.Equal(Math.Log(sm[2].item<double>()), x.log_softmax(0)[2].item<double>(), 12);
        Assert.Equal(new double[] { -2, 1, 1.5 }, where(x == 0, ones_like(x), x).ToArray<double>());
        Assert.Throws<ArgumentException>(() => x.gelu("fast"));
    }

    [Fact]
    public void In_place_ops_modify_the_tensor_and_return_it()
    {
        using var scope = NewDisposeScope();
        var x = ones(3);
        Assert.Same(x, x.add_(1));
        x.mul_(tensor(new float[] { 1, 2, 3 })).sub_(1).div_(2);
        Assert.Equal(new float[] { 0.5f, 1.5f, 2.5f }, x.ToArray<float>());
        x.clamp_(1, 2);
        Assert.Equal(new float[] { 1, 1.5f, 2 }, x.ToArray<float>());
        x.zero_().add_(ones(3), alpha: 3);
        Assert.Equal(new float[] { 3, 3, 3 }, x.ToArray<float>());
        x.fill_(2).pow_(3);
        Assert.Equal(new float[] { 8, 8, 8 }, x.ToArray<float>());
        x.copy_(tensor(new float[] { 1, 2, 3 })).lerp_(zeros(3), 0.5);
        Assert.Equal(new float[] { 0.5f, 1, 1.5f }, x.ToArray<float>());
        x.masked_fill_(x > 1, 0);
        Assert.Equal(new float[] { 0.5f, 1, 0 }, x.ToArray<float>());
    }

    [Fact]
    public void Matrix_products()
    {
        using var scope = NewDisposeScope();
        var a = arange(6, dtype: float32).reshape(2, 3);
        var b = arange(6, dtype: float32).reshape(3, 2);
        Assert.Equal(new float[] { 10, 13, 28, 40 }, a.matmul(b).ToArray<float>());
        Assert.Equal(a.mm(b).ToArray<float>(), matmul(a, b).ToArray<float>());
        var batch = stack(new[] { a, a });
        Assert.Equal(new long[] { 2, 2, 2 }, batch.bmm(stack(new[] { b, b })).shape);
        Assert.Equal(new float[] { 3, 4, 6, 8 }, tensor(new float[] { 1, 2 }).outer(tensor(new float[] { 3, 4 })).ToArray<float>());
    }
}
