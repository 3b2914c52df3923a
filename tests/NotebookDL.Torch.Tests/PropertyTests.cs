namespace NotebookDL.Torch.Tests;

public class PropertyTests
{
    [Fact]
    public void Shape_metadata_matches_a_permuted_view()
    {
        using var x = zeros(2, 3, 4);
        Assert.Equal(3, x.ndim);
        Assert.Equal(24, x.numel());
        Assert.Equal(new long[] { 12, 4, 1 }, x.stride());
        Assert.True(x.is_contiguous());
        using var p = x.permute(2, 0, 1);
        Assert.Equal(new long[] { 4, 2, 3 }, p.shape);
        Assert.Equal(new long[] { 1, 12, 4 }, p.stride());
        Assert.False(p.is_contiguous());
        Assert.Equal(4, x.size(-1));
        Assert.Equal(4, x.element_size());
        Assert.Equal(Device.CPU, x.device);
        Assert.Equal("cpu", x.device.ToString());
    }

    [Fact]
    public void Autograd_properties()
    {
        using var w = randn(new long[] { 3 }, requires_grad: true);
        Assert.True(w.requires_grad);
        Assert.True(w.is_leaf);
        Assert.Null(w.grad_fn);
        Assert.Null(w.grad);
        using var y = w * 2;
        Assert.False(y.is_leaf);
        Assert.Equal("MulBackward0", y.grad_fn);
        using var s = y.sum();
        s.backward();
        using var g = w.grad!;
        Assert.Equal(new float[] { 2, 2, 2 }, g.ToArray<float>());
    }

    [Fact]
    public void Devices_parse_and_cuda_absence_is_a_clear_error()
    {
        Assert.Equal(new Device(DeviceType.CUDA, 1), new Device("cuda:1"));
        Assert.Equal("cuda:1", device("cuda:1").ToString());
        Assert.Throws<ArgumentException>(() => new Device("tpu"));
        if (cuda.is_available())
        {
            using var onGpu = zeros(new long[] { 2 }, device: CUDA);
            Assert.Equal(DeviceType.CUDA, onGpu.device.type);
            return;
        }
        var e = Assert.Throws<TorchException>(() => zeros(new long[] { 2 }, device: CUDA));
        Assert.Contains("CUDA is not available", e.Message);
        using var x = ones(2);
        Assert.Throws<TorchException>(() => x.cuda());
    }

    [Fact]
    public void Threads_can_be_set_and_read_back()
    {
        var before = get_num_threads();
        try
        {
            set_num_threads(2);
            Assert.Equal(2, get_num_threads());
            Assert.Throws<ArgumentOutOfRangeException>(() => set_num_threads(0));
        }
        finally
        {
            set_num_threads(before);
        }
        Assert.Matches(@"^\d+\.\d+\.\d+$", __version__);
    }
}
