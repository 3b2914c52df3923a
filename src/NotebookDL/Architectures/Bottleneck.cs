namespace NotebookDL.Architectures;

/// <summary>
/// torchvision's ResNet-50/101/152 residual block (ResNet v1.5: the stride sits on the 3x3 convolution):
/// 1x1 conv to <c>planes</c>, 3x3 conv (stride), 1x1 conv to 4·<c>planes</c>, each with batch norm, then
/// relu(· + shortcut(x)). (N, inplanes, H, W) → (N, 4·planes, H/stride, W/stride).
/// Parameter names match torchvision: conv1, bn1, conv2, bn2, conv3, bn3, downsample.0, downsample.1.
/// </summary>
public sealed class Bottleneck : nn.Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>.</summary>
    public const int Expansion = 4;

    // Declaration order is torchvision's attribute order, which fixes the state-dict key order.
    public readonly SmallMapConv2d conv1;
    public readonly BatchNorm2d bn1;
    public readonly SmallMapConv2d conv2;
    public readonly BatchNorm2d bn2;
    public readonly SmallMapConv2d conv3;
    public readonly BatchNorm2d bn3;
    public readonly ReLU relu;
    public readonly Sequential? downsample;

    public Bottleneck(long inplanes, long planes, long stride = 1, Sequential? downsample = null) : base(nameof(Bottleneck))
    {
        conv1 = ResNetLayers.Conv1x1(inplanes, planes);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = ResNetLayers.Conv3x3(planes, planes, stride);
        bn2 = nn.BatchNorm2d(planes);
        conv3 = ResNetLayers.Conv1x1(planes, planes * Expansion);
        bn3 = nn.BatchNorm2d(planes * Expansion);
        relu = nn.ReLU();
        this.downsample = downsample;
        Stride = stride;
        RegisterComponents();
    }

    /// <summary>Stride of the 3x3 convolution.</summary>
    public long Stride { get; }

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
