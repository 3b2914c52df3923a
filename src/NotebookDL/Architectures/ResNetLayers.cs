
namespace NotebookDL.Architectures;

/// <summary>
/// The convolutions ResNet is built from (torchvision's conv3x3/conv1x1 helpers): no bias, since batch norm follows.
/// <see cref="SmallMapConv2d"/> keeps layer4 fast on small images, where its outputs are a single pixel.
/// </summary>
internal static class ResNetLayers
{
    public static SmallMapConv2d Conv3x3(long inPlanes, long outPlanes, long stride = 1) =>
        new(inPlanes, outPlanes, kernelSize: 3, stride: stride, padding: 1, bias: false);

    public static SmallMapConv2d Conv1x1(long inPlanes, long outPlanes, long stride = 1) =>
        new(inPlanes, outPlanes, kernelSize: 1, stride: stride, bias: false);
}
