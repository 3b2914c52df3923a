namespace NotebookDL.Torch.Tests;

public class IndexingTests
{
    [Fact]
    public void Integers_ranges_ellipsis_newaxis_and_from_end()
    {
        using var scope = NewDisposeScope();
        var x = arange(24).reshape(2, 3, 4);
        Assert.Equal(new long[] { 3, 4 }, x[1].shape);
        Assert.Equal(new long[] { 12, 13, 14, 15 }, x[1, 0].ToArray<long>());
        Assert.Equal(new long[] { 2, 3 }, x[.., .., 0].shape);
        Assert.Equal(new long[] { 2, 3 }, x[Ellipsis, 0].shape);
        Assert.Equal(new long[] { 0, 4, 8 }, x[0, .., 0].ToArray<long>());
        Assert.Equal(new long[] { 1, 2, 3, 4 }, x[newaxis].shape);
        Assert.Equal(new long[] { 20, 21, 22, 23 }, x[^1, ^1].ToArray<long>());
        Assert.Equal(new long[] { 1, 2 }, x[0, 0, 1..3].ToArray<long>());
        Assert.Equal(new long[] { 0, 2 }, x[0, 0, TensorIndex.Slice(null, null, 2)].ToArray<long>());
        Assert.Equal(new long[] { 3 }, x[0, 0, ^1..].ToArray<long>());
    }

    [Fact]
    public void Masks_and_index_tensors_select_and_assign()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { -1, 2, -3, 4 });
        Assert.Equal(new float[] { 2, 4 }, x[x > 0].ToArray<float>());
        Assert.Equal(new float[] { 4, -1 }, x[tensor(new long[] { 3, 0 })].ToArray<float>());

        x[x < 0] = zeros(1);
        Assert.Equal(new float[] { 0, 2, 0, 4 }, x.ToArray<float>());
        x.IndexPut([1..3], 9);
        Assert.Equal(new float[] { 0, 9, 9, 4 }, x.ToArray<float>());

        var m = zeros(2, 3);
        m[.., 1] = tensor(new float[] { 5, 6 });
        Assert.Equal(new float[] { 0, 5, 0, 0, 6, 0 }, m.ToArray<float>());
    }

    [Fact]
    public void Gather_scatter_index_select_masked_fill()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var idx = tensor(new long[,] { { 2 }, { 0 } });
        Assert.Equal(new float[] { 3, 4 }, x.gather(1, idx).ToArray<float>());
        Assert.Equal(new float[] { 4, 5, 6 }, x.index_select(0, tensor(new long[] { 1 })).ToArray<float>());
        var scattered = zeros(2, 3).scatter(1, idx, ones(2, 1));
        Assert.Equal(new float[] { 0, 0, 1, 1, 0, 0 }, scattered.ToArray<float>());
        Assert.Equal(new float[] { 1, -1, 3, 4, -1, 6 }, x.masked_fill(x.remainder(5) == 2 | (x == 5), -1).ToArray<float>());
    }

    [Fact]
    public void Out_of_range_index_is_an_index_exception_naming_the_size()
    {
        using var x = zeros(2, 3);
        var e = Assert.Throws<TorchIndexException>(() => x[5]);
        Assert.Contains("out of bounds", e.Message);
        Assert.Contains("5", e.Message);
        Assert.Throws<TorchIndexException>(() => x[0, 3]);
        Assert.ThrowsAny<TorchException>(() => x.index_select(0, tensor(new long[] { 7 })));
    }
}
