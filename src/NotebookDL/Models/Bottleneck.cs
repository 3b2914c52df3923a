using NotebookDL.Torch;
using NotebookDL.Torch.Modules;
using static NotebookDL.Torch.torch;

namespace NotebookDL.Models;

/// <summary>
/// torchvision's ResNet-50/101/152 residual block (ResNet v1.5: the stride sits on the 3x3 convolution):
/// 1x1 conv to <c>planes</c>, 3x3 conv (stride), 1x1 conv to 4·<c>planes</c>, each with batch norm, then
/// relu(· + shortcut(x)). (N, inplanes, H, W) → (N, 4·planes, H/stride, W/stride).
/// Parameter names match torchvision: conv1, bn1, conv2, bn2, conv3, bn3, downsample.0, downsample.1.
/// </summary>
public sealed class Bottleneck : Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>.</summary>
    public const int Expansion = 4;

    public Bottleneck(long inplanes, long planes, long stride = 1, Sequential? downsample = null)
    {
        register_module("conv1", ResNetLayers.Conv1x1(inplanes, planes));
        register_module("bn1", nn.BatchNorm2d(planes));
        register_module("conv2", ResNetLayers.Conv3x3(planes, planes, stride));
        register_module("bn2", nn.BatchNorm2d(planes));
        register_module("conv3", ResNetLayers.Conv1x1(planes, planes * Expansion));
        register_module("bn3", nn.BatchNorm2d(planes * Expansion));
        register_module("relu", nn.ReLU());
        register_module("downsample", downsample);
        Stride = stride;
    }

    /// <summary>Stride of the 3x3 convolution (2 halves the spatial size).</summary>
    public long Stride { get; }

    public Conv2d conv1 => (Conv2d)GetModule("conv1")!;
    public BatchNorm2d bn1 => (BatchNorm2d)GetModule("bn1")!;
    public Conv2d conv2 => (Conv2d)GetModule("conv2")!;
    public BatchNorm2d bn2 => (BatchNorm2d)GetModule("bn2")!;
    public Conv2d conv3 => (Conv2d)GetModule("conv3")!;
    public BatchNorm2d bn3 => (BatchNorm2d)GetModule("bn3")!;
    public ReLU relu => (ReLU)GetModule("relu")!;
    public Sequential? downsample => (Sequential?)GetModule("downsample");

    public override Tensor forward(Tensor x)
    {
        var h = relu.call(bn1.call(conv1.call(x)));
        h = relu.call(bn2.call(conv2.call(h)));
        h = bn3.call(conv3.call(h));
        var identity = downsample?.call(x) ?? x;
        using var sum = h + identity;
        return relu.call(sum);
    }
}
