namespace NotebookDL.Torch.Tests;

public class ReductionTests
{
    private static readonly double[,] Data = { { 1, 5, 3 }, { 4, 2, 6 } };

    [Fact]
    public void Sum_mean_with_dim_and_keepdim()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Data);
        Assert.Equal(21.0, x.sum().item<double>());
        Assert.Equal(new double[] { 5, 7, 9 }, x.sum(0).ToArray<double>());
        Assert.Equal(new long[] { 2, 1 }, x.sum(1, keepdim: true).shape);
        Assert.Equal(3.5, x.mean().item<double>());
        Assert.Equal(new double[] { 3, 4 }, x.mean(-1).ToArray<double>());
        Assert.Equal(21.0, x.sum(new long[] { 0, 1 }).item<double>());
    }

    [Fact]
    public void Std_and_var_use_bessel_correction_by_default()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3, 4 });
        Assert.Equal(5.0 / 3.0, x.var().item<double>(), 12);
        Assert.Equal(1.25, x.var(unbiased: false).item<double>(), 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), x.std().item<double>(), 12);
        var m = tensor(Data);
        Assert.Equal(new double[] { 4, 4 }, m.var(1).ToArray<double>());
    }

    [Fact]
    public void Max_min_argmax_with_indices()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Data);
        Assert.Equal(6.0, x.max().item<double>());
        Assert.Equal(1.0, x.min().item<double>());
        var (values, indices) = x.max(1);
        Assert.Equal(new double[] { 5, 6 }, values.ToArray<double>());
        Assert.Equal(new long[] { 1, 2 }, indices.ToArray<long>());
        var (minValues, minIndices) = x.min(0, keepdim: true);
        Assert.Equal(new long[] { 1, 3 }, minValues.shape);
        Assert.Equal(new long[] { 0, 1, 0 }, minIndices.ToArray<long>());
        Assert.Equal(5L, x.argmax().item<long>());
        Assert.Equal(new long[] { 0, 1 }, x.argmin(1).ToArray<long>());
        Assert.Equal(new double[] { 4, 5, 6 }, x.amax(0).ToArray<double>());
    }

    [Fact]
    public void Prod_norm_logsumexp_cumsum_all_any()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Data);
        Assert.Equal(720.0, x.prod().item<double>());
        Assert.Equal(new double[] { 15, 48 }, x.prod(1).ToArray<double>());
        Assert.Equal(Math.Sqrt(91), x.norm().item<double>(), 12);
        Assert.Equal(new double[] { 5, 7, 9 }, x.norm(1, new long[] { 0 }).ToArray<double>());
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(5) + Math.Exp(3)), x.logsumexp(1)[0].item<double>(), 12);
        Assert.Equal(new double[] { 1, 6, 9, 4, 6, 12 }, x.cumsum(1).ToArray<double>());
        Assert.True((x > 0).all().item<bool>());
        Assert.False((x > 5).all().item<bool>());
        Assert.Equal(new[] { false, true }, (x > 5).any(1).ToArray<bool>());
    }

    [Fact]
    public void Sort_topk_unique_bincount()
    {
        using var scope = NewDisposeScope();
        var v = tensor(new long[] { 3, 1, 2, 3, 1, 3 });
        var (sorted, order) = v.sort(descending: true, stable: true);
        Assert.Equal(new long[] { 3, 3, 3, 2, 1, 1 }, sorted.ToArray<long>());
        Assert.Equal(new long[] { 0, 3, 5, 2, 1, 4 }, order.ToArray<long>());
        var (top, where) = tensor(new float[] { 0.1f, 0.9f, 0.5f }).topk(2);
        Assert.Equal(new float[] { 0.9f, 0.5f }, top.ToArray<float>());
        Assert.Equal(new long[] { 1, 2 }, where.ToArray<long>());
        var (values, inverse, counts) = v.unique(return_inverse: true, return_counts: true);
        Assert.Equal(new long[] { 1, 2, 3 }, values.ToArray<long>());
        Assert.Equal(new long[] { 2, 0, 1, 2, 0, 2 }, inverse!.ToArray<long>());
        Assert.Equal(new long[] { 2, 1, 3 }, counts!.ToArray<long>());
        Assert.Equal(new long[] { 0, 2, 1, 3, 0 }, v.bincount(minlength: 5).ToArray<long>());
    }
}
