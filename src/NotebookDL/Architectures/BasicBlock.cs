namespace NotebookDL.Architectures;

/// <summary>
/// torchvision's ResNet-18/34 residual block: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)), two 3x3
/// convolutions without bias. (N, inplanes, H, W) → (N, planes, H/stride, W/stride). The shortcut is the identity,
/// or <c>downsample</c> (1x1 conv + batch norm) when the stride or the channel count changes.
/// Parameter names match torchvision: conv1, bn1, conv2, bn2, downsample.0, downsample.1.
/// </summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>: 1 for this block (4 for <see cref="Bottleneck"/>).</summary>
    public const int Expansion = 1;

    // Declaration order is torchvision's attribute order, which fixes the state-dict key order.
    public readonly SmallMapConv2d conv1;
    public readonly BatchNorm2d bn1;
    public readonly ReLU relu;
    public readonly SmallMapConv2d conv2;
    public readonly BatchNorm2d bn2;
    public readonly Sequential? downsample;

    public BasicBlock(long inplanes, long planes, long stride = 1, Sequential? downsample = null) : base(nameof(BasicBlock))
    {
        conv1 = ResNetLayers.Conv3x3(inplanes, planes, stride);
        bn1 = nn.BatchNorm2d(planes);
        relu = nn.ReLU();
        conv2 = ResNetLayers.Conv3x3(planes, planes);
        bn2 = nn.BatchNorm2d(planes);
        this.downsample = downsample;
        Stride = stride;
        RegisterComponents();
    }

    /// <summary>Stride of the first convolution (2 halves the spatial size).</summary>
    public long Stride { get; }

    public override Tensor forward(Tensor x)
    {
        var h = relu.call(bn1.call(conv1.call(x)));
        h = bn2.call(conv2.call(h));
        var identity = downsample?.call(x) ?? x;
        // The sum is no module's output (no hook can hold it), so it is freed here rather than left to a scope.
        using var sum = h + identity;
        return relu.call(sum);
    }
}
