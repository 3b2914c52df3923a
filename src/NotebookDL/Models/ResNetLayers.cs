
namespace NotebookDL.Models;

/// <summary>The convolutions ResNet is built from (torchvision's conv3x3/conv1x1 helpers): no bias, since batch norm follows.</summary>
internal static class ResNetLayers
{
    public static Conv2d Conv3x3(long inPlanes, long outPlanes, long stride = 1) =>
        nn.Conv2d(inPlanes, outPlanes, kernel_size: 3, stride: stride, padding: 1, bias: false);

    public static Conv2d Conv1x1(long inPlanes, long outPlanes, long stride = 1) =>
        nn.Conv2d(inPlanes, outPlanes, kernel_size: 1, stride: stride, bias: false);
}
