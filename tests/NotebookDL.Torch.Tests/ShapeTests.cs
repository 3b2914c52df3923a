namespace NotebookDL.Torch.Tests;

public class ShapeTests
{
    private static Tensor Range24() => arange(24).reshape(2, 3, 4);

    [Fact]
    public void View_reshape_flatten_unflatten()
    {
        using var scope = NewDisposeScope();
        var x = Range24();
        Assert.Equal(new long[] { 6, 4 }, x.view(6, 4).shape);
        Assert.Equal(new long[] { 2, 12 }, x.reshape(2, -1).shape);
        Assert.Equal(new long[] { 24 }, x.flatten().shape);
        Assert.Equal(new long[] { 2, 12 }, x.flatten(1).shape);
        Assert.Equal(new long[] { 2, 3, 2, 2 }, x.unflatten(2, 2, 2).shape);
        // a transposed tensor cannot be viewed, only reshaped (copy)
        Assert.Throws<TorchException>(() => x.transpose(0, 2).view(24));
        Assert.Equal(x.transpose(0, 2).contiguous().ToArray<long>(), x.transpose(0, 2).reshape(24).ToArray<long>());
    }

    [Fact]
    public void Squeeze_unsqueeze_permute_transpose_t()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 3, 1, 2);
        Assert.Equal(new long[] { 3, 2 }, x.squeeze().shape);
        Assert.Equal(new long[] { 3, 1, 2 }, x.squeeze(0).shape);
        Assert.Equal(new long[] { 1, 3, 1, 2, 1 }, x.unsqueeze(-1).shape);
        var m = arange(6).reshape(2, 3);
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, m.t().contiguous().ToArray<long>());
        Assert.Equal(new long[] { 3, 2 }, m.T.shape);
        Assert.Equal(new long[] { 4, 2, 3 }, Range24().permute(2, 0, 1).shape);
        Assert.Equal(new long[] { 4, 3, 2 }, Range24().transpose(0, 2).shape);
    }

    [Fact]
    public void Expand_repeat_narrow_flip_roll()
    {
        using var scope = NewDisposeScope();
        var v = tensor(new long[] { 1, 2, 3 });
        var e = v.unsqueeze(0).expand(2, 3);
        Assert.Equal(new long[] { 1, 2, 3, 1, 2, 3 }, e.contiguous().ToArray<long>());
        Assert.Equal(0, e.stride(0)); // expand is a view with stride 0
        Assert.Equal(new long[] { 1, 2, 3, 1, 2, 3 }, v.repeat(2).ToArray<long>());
        Assert.Equal(new long[] { 2, 3 }, v.narrow(0, 1, 2).ToArray<long>());
        Assert.Equal(new long[] { 3, 2, 1 }, v.flip(0).ToArray<long>());
        Assert.Equal(new long[] { 3, 1, 2 }, v.roll(1, 0).ToArray<long>());
    }

    [Fact]
    public void Chunk_split_cat_stack()
    {
        using var scope = NewDisposeScope();
        var v = arange(10);
        var chunks = v.chunk(3);
        Assert.Equal(new long[] { 4, 4, 2 }, chunks.Select(c => c.numel()));
        var pieces = v.split(4);
        Assert.Equal(3, pieces.Length);
        var sized = v.split(new long[] { 1, 9 });
        Assert.Equal(9, sized[1].numel());
        Assert.Equal(v.ToArray<long>(), cat(pieces).ToArray<long>());
        var s = stack(new[] { v, v }, 1);
        Assert.Equal(new long[] { 10, 2 }, s.shape);
        var e = Assert.Throws<TorchException>(() => cat(new[] { zeros(2, 3), zeros(2, 4) }));
        Assert.Contains("Sizes of tensors must match", e.Message);
    }
}
