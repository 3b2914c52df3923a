namespace NotebookDL.Inspect;

/// <summary>Convolution spelled out, for learning what <c>conv2d</c> computes (and checking it does).</summary>
public static class Convolutions
{
    /// <summary>
    /// Slides <paramref name="kernel"/> (kh, kw) over <paramref name="image"/> (h, w) with plain loops: each output
    /// pixel is the sum of the kernel times the patch under it (PyTorch's cross-correlation, as <c>conv2d</c>), with
    /// zero padding and a stride. Slow on purpose: it is the definition.
    /// </summary>
    public static Tensor ByHand(Tensor image, Tensor kernel, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(kernel);
        if (image.ndim != 2 || kernel.ndim != 2)
            throw new ArgumentException($"ByHand convolves one channel: image (h, w) and kernel (kh, kw), got [{string.Join(", ", image.shape)}] and [{string.Join(", ", kernel.shape)}].");
        Check.Positive(stride, nameof(stride));
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding is 0 or more.");
        int h = (int)image.shape[0], w = (int)image.shape[1], kh = (int)kernel.shape[0], kw = (int)kernel.shape[1];
        int outH = (h + 2 * padding - kh) / stride + 1, outW = (w + 2 * padding - kw) / stride + 1;
        if (outH <= 0 || outW <= 0) throw new ArgumentException($"A {kh}x{kw} kernel does not fit a {h}x{w} image with padding {padding}.", nameof(kernel));
        using var imageCpu = image.to(ScalarType.Float32).cpu();
        using var kernelCpu = kernel.to(ScalarType.Float32).cpu();
        var pixels = imageCpu.data<float>().ToArray();
        var weights = kernelCpu.data<float>().ToArray();
        var output = new float[outH * outW];
        for (var oy = 0; oy < outH; oy++)
            for (var ox = 0; ox < outW; ox++)
            {
                var sum = 0f;
                for (var ky = 0; ky < kh; ky++)
                    for (var kx = 0; kx < kw; kx++)
                    {
                        int y = oy * stride + ky - padding, x = ox * stride + kx - padding;
                        if (y >= 0 && y < h && x >= 0 && x < w) sum += pixels[y * w + x] * weights[ky * kw + kx];
                    }
                output[oy * outW + ox] = sum;
            }
        return torch.tensor(output, [outH, outW]);
    }
}
