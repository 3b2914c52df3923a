using NotebookDL.Architectures;

namespace NotebookDL.Tests.Architectures;

/// <summary>
/// SmallMapConv2d gives libtorch's conv2d results (forward and both gradients) on every shape, whichever path it takes.
/// Parity with PyTorch itself is in ResNetParityTests (resnet18_32 runs layer4 through the matrix-multiply path).
/// </summary>
public class SmallMapConv2dTests
{
    [Theory]
    [InlineData(512, 1, 3, 1, 1, false)]   // layer4 at 32 px: 3x3 on a 1x1 map
    [InlineData(256, 2, 3, 2, 1, false)]   // layer4's first conv: 2x2 -> 1x1, stride 2
    [InlineData(256, 2, 1, 2, 0, false)]   // layer4's downsample: 1x1 kernel, stride 2
    [InlineData(8, 3, 3, 1, 0, true)]      // no padding, 3x3 -> 1x1, with bias
    [InlineData(8, 3, 5, 1, 1, true)]      // 5x5 kernel on 3x3: the taps seeing pixels are cropped on both sides
    [InlineData(4, 1, 1, 3, 1, true)]      // the window is all padding: the bias alone
    [InlineData(16, 8, 3, 1, 1, true)]     // 8x8 output: libtorch's own convolution
    public void Matches_conv2d_forward_and_gradients(long channels, long size, long kernel, long stride, long padding, bool bias)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var conv = new SmallMapConv2d(channels, 32, kernel, stride, padding, bias);
        var x = randn(4, channels, size, size).requires_grad_();
        var target = randn(4, 32, (size + 2 * padding - kernel) / stride + 1, (size + 2 * padding - kernel) / stride + 1);

        var y = conv.call(x);
        (y * target).sum().backward();
        var (gx, gw, gb) = (x.grad!.clone(), conv.weight.grad!.clone(), conv.bias?.grad?.clone());

        var w = conv.weight.detach().clone().requires_grad_();
        var b = conv.bias?.detach().clone().requires_grad_();
        var x2 = x.detach().clone().requires_grad_();
        var expected = nn.functional.conv2d(x2, w, b, [stride, stride], [padding, padding]);
        (expected * target).sum().backward();

        Assert.Equal(expected.shape, y.shape);
        AssertClose(expected, y);
        AssertClose(x2.grad!, gx);
        AssertClose(w.grad!, gw);
        if (bias) AssertClose(b!.grad!, gb!);
    }

    [Fact]
    public void Names_the_shape_it_expected()
    {
        using var conv = new SmallMapConv2d(3, 8, 3, padding: 1);
        using var x = zeros(2, 4, 5, 5);
        var e = Assert.Throws<ArgumentException>(() => conv.call(x));
        Assert.Contains("(N, 3, H, W)", e.Message);
        Assert.Contains("[2, 4, 5, 5]", e.Message);
    }

    [Fact]
    public void Keeps_Conv2d_state_dict_keys()
    {
        using var conv = new SmallMapConv2d(3, 8, 3, bias: true);
        Assert.Equal(["weight", "bias"], conv.state_dict().Keys);
        Assert.Equal([8L, 3, 3, 3], conv.weight.shape);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var scale = Math.Max(1, expected.abs().max().Item());
        var diff = (expected - actual).abs().max().Item();
        Assert.True(diff < 1e-5 * scale, $"max |diff| {diff} (scale {scale})");
    }
}
