using NotebookDL.Inspect;

namespace NotebookDL.Tests.Inspect;

public sealed class ConvolutionByHandTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Loops_equal_conv2d(int stride, int padding)
    {
        using var scope = torch.NewDisposeScope();
        var image = torch.rand(11, 13);
        var kernel = torch.randn(3, 4);
        var byHand = Convolutions.ByHand(image, kernel, stride, padding);
        var library = nn.functional.conv2d(image[TensorIndex.None, TensorIndex.None], kernel[TensorIndex.None, TensorIndex.None],
            strides: [stride, stride], padding: [padding, padding])[0, 0];
        Assert.Equal(library.shape, byHand.shape);
        Assert.True(byHand.allclose(library, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void A_kernel_larger_than_the_image_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Convolutions.ByHand(torch.rand(2, 2), torch.rand(3, 3)));
        Assert.Contains("3x3 kernel does not fit a 2x2 image", error.Message);
    }
}
