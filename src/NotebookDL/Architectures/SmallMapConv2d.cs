namespace NotebookDL.Architectures;

/// <summary>
/// A 2-D convolution with TorchSharp's <c>Conv2d</c> parameters, state-dict keys and results, for the convolutions
/// of our ResNets. When its output is a single pixel it runs as one matrix multiply of the pixels that pixel sees by
/// the kernel taps that see them (<c>linear</c>) instead of libtorch's convolution.
/// </summary>
/// <remarks>
/// Why: libtorch's oneDNN weight gradient is pathological for 1x1 outputs. Measured on this 2-core machine, batch 128,
/// 512→512 channels, 3x3, input 1x1: forward 18 ms, backward 148 ms through conv2d; 12 ms and 24 ms as unfold + linear
/// over the whole 3x3 window. PyTorch 1.13 from Python takes the same 152 ms. At the course's 28-32 px images every
/// layer4 convolution of a ResNet has a 1x1 output, which made those few layers half of a ResNet-18 training step.
/// Cropping the window to the taps inside the image (the centre tap alone on a 1x1 map: 9x fewer multiplies, and no
/// unfold/fold) then took a ResNet-18 step at 28 px, batch 128, from 155 + 332 ms (forward + backward) to 126 + 240 ms.
/// Every other shape keeps libtorch's convolution (the matrix multiply is slower from 4x4 outputs up).
/// </remarks>
public sealed class SmallMapConv2d : Convolution
{
    /// <summary>A square <paramref name="kernelSize"/> convolution with zero padding, no dilation and one group.</summary>
    public SmallMapConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, bool bias = true)
        : base(nameof(SmallMapConv2d), inChannels, outChannels, [kernelSize, kernelSize], [stride, stride], [padding, padding],
            padding_type: null, dilation: [1, 1], transposed: false, output_padding: [0, 0], groups: 1, bias, PaddingModes.Zeros)
    {
        Check.Positive(kernelSize, nameof(kernelSize));
        Check.Positive(stride, nameof(stride));
    }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != in_channels)
            throw new ArgumentException(
                $"{nameof(SmallMapConv2d)} expects a batch (N, {in_channels}, H, W); got shape [{string.Join(", ", input.shape)}].", nameof(input));
        var pad = padding!;
        var (outH, outW) = (OutputSize(input.shape[2], 0), OutputSize(input.shape[3], 1));
        if (outH != 1 || outW != 1)
            return nn.functional.conv2d(input, weight, bias, stride, pad);

        // The one output pixel sees one window, and only the part of it inside the image: the kernel taps that fall on
        // padding multiply zeros. So crop both to the taps that see pixels (kernel rows pad..pad+rows-1 see image rows
        // 0..rows-1) and multiply (N, C·rows·cols) pixels by the (out, C·rows·cols) cropped kernels.
        var rows = Math.Min(input.shape[2], kernel_size[0] - pad[0]);
        var cols = Math.Min(input.shape[3], kernel_size[1] - pad[1]);
        if (rows < 1 || cols < 1)
            return nn.functional.conv2d(input, weight, bias, stride, pad);   // the window is all padding: the bias alone
        using var seen = input[.., .., ..(int)rows, ..(int)cols];
        using var pixels = seen.reshape(input.shape[0], -1);
        using var taps = weight[.., .., (int)pad[0]..(int)(pad[0] + rows), (int)pad[1]..(int)(pad[1] + cols)];
        using var kernels = taps.reshape(out_channels, -1);
        using var pixel = nn.functional.linear(pixels, kernels, bias);
        return pixel.view(input.shape[0], out_channels, 1, 1);
    }

    private long OutputSize(long size, int dim)
    {
        var outSize = (size + 2 * padding![dim] - kernel_size[dim]) / stride[dim] + 1;
        if (outSize < 1)
            throw new ArgumentException($"{nameof(SmallMapConv2d)}: input size {size} is smaller than the kernel ({kernel_size[dim]}, padding {padding[dim]}).", "input");
        return outSize;
    }
}
