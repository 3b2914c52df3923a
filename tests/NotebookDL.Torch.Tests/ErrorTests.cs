namespace NotebookDL.Torch.Tests;

public class ErrorTests
{
    [Fact]
    public void Shape_mismatch_in_matmul_carries_libtorchs_message()
    {
        using var a = zeros(3, 4);
        using var b = zeros(3, 4);
        var e = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (3x4 and 3x4)", e.Message.Split('\n')[0]);
        using var c = zeros(5);
        var broadcast = Assert.Throws<TorchException>(() => a + c);
        Assert.Contains("must match the size of tensor b (5)", broadcast.Message);
    }

    [Fact]
    public void Wrong_dtype_is_reported()
    {
        using var f = zeros(2, 2);
        using var d = zeros(new long[] { 2, 2 }, dtype: float64);
        var e = Assert.Throws<TorchException>(() => f.mm(d));
        Assert.Contains("Double", e.Message);
        using var idx = tensor(new float[] { 0 });
        Assert.ThrowsAny<TorchException>(() => f.index_select(0, idx));
        using var l = ones(new long[] { 2 }, dtype: int64);
        var grad = Assert.Throws<TorchException>(() => l.requires_grad_());
        Assert.Contains("floating point", grad.Message);
    }

    [Fact]
    public void Item_of_many_elements_and_unsupported_element_types_are_argument_errors()
    {
        using var x = zeros(3);
        var e = Assert.Throws<InvalidOperationException>(() => x.item<float>());
        Assert.Contains("3", e.Message);
        Assert.Throws<NotSupportedException>(() => x.ToArray<decimal>() );
    }

    [Fact]
    public void The_process_survives_many_native_errors_on_several_threads()
    {
        Parallel.For(0, 200, _ =>
        {
            using var a = zeros(2, 3);
            Assert.Throws<TorchException>(() => a.view(7));
        });
        using var ok = ones(2);
        Assert.Equal(2f, ok.sum().item<float>());
    }

    [Fact]
    public void Huge_allocation_fails_with_an_exception_not_a_crash()
    {
        var overflow = Assert.ThrowsAny<TorchException>(() => empty(1L << 40, 1L << 30));
        Assert.NotEmpty(overflow.Message);
        var tooBig = Assert.ThrowsAny<TorchException>(() => empty(1L << 42));   // 16 TiB of float32
        Assert.Contains("memory", tooBig.Message);
        using var ok = ones(2);
        Assert.Equal(2, ok.numel());
    }
}
