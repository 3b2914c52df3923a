namespace NotebookDL.Vision;

/// <summary>Per-channel mean and standard deviation of images scaled to [0, 1].</summary>
public sealed record ChannelStats(float[] Mean, float[] Std);

/// <summary>
/// Well-known dataset statistics (fastai's imagenet_stats, cifar_stats, mnist_stats). With
/// <c>using static NotebookDL.Vision.ImageStats;</c> one writes <c>Normalize.FromStats(ImagenetStats)</c>.
/// </summary>
public static class ImageStats
{
    /// <summary>ImageNet: what pretrained torchvision/timm models expect.</summary>
    public static readonly ChannelStats ImagenetStats = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    public static readonly ChannelStats CifarStats = new([0.491f, 0.482f, 0.447f], [0.247f, 0.243f, 0.261f]);

    public static readonly ChannelStats MnistStats = new([0.131f, 0.131f, 0.131f], [0.308f, 0.308f, 0.308f]);
}
