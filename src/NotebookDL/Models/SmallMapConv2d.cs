namespace NotebookDL.Models;

/// <summary>
/// A 2-D convolution with TorchSharp's <c>Conv2d</c> parameters, state-dict keys and results, for the convolutions
/// of our ResNets. When its output is a single pixel it runs as one matrix multiply over the window that pixel sees
/// (<c>unfold</c> + <c>linear</c>) instead of libtorch's convolution.
/// </summary>
/// <remarks>
/// Why: libtorch's oneDNN weight gradient is pathological for 1x1 outputs. Measured on this 2-core machine, batch 128,
/// 512→512 channels, 3x3, input 1x1: forward 18 ms, backward 148 ms through conv2d; 12 ms and 24 ms through
/// unfold + linear. PyTorch 1.13 from Python takes the same 152 ms. At the course's 28-32 px images every layer4
/// convolution of a ResNet has a 1x1 output, which made those few layers half of a ResNet-18 training step.
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

        // The one output pixel sees one window: (N, C·kh·kw) columns times the (out, C·kh·kw) flattened kernels.
        using var window = nn.functional.unfold(input, (kernel_size[0], kernel_size[1]), padding: (pad[0], pad[1]), stride: (stride[0], stride[1]));
        using var columns = window.flatten(1);
        using var kernels = weight.flatten(1);
        using var pixel = nn.functional.linear(columns, kernels, bias);
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
