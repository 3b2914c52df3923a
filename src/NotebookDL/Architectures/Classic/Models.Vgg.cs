namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// A VGG-style net (Simonyan and Zisserman 2014) for 28x28 images: VGG's idea — only 3x3 convolutions, stacked in
    /// blocks that double the channels, each block ending in a 2x2 max pool — as three blocks (1 x 32, 2 x 64, 2 x 128
    /// channels), then fully connected 256 with dropout 0.5. With <paramref name="batchNorm"/> each convolution is
    /// followed by batch norm (VGG-BN).
    /// </summary>
    public static Sequential VggSmall(long inChannels = 1, long numClasses = 10, long imageSize = 28, bool batchNorm = true)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        var side = imageSize / 8;
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "VggSmall needs images of at least 8x8 (three 2x2 poolings).");
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var channels = inChannels;
        foreach (var (convs, width) in new[] { (1, 32L), (2, 64L), (2, 128L) })
        {
            for (var i = 0; i < convs; i++)
            {
                layers.Add(nn.Conv2d(channels, width, kernel_size: 3, padding: 1, bias: !batchNorm));
                if (batchNorm) layers.Add(nn.BatchNorm2d(width));
                layers.Add(nn.ReLU());
                channels = width;
            }
            layers.Add(nn.MaxPool2d(2));
        }
        layers.AddRange([nn.Flatten(), nn.Linear(channels * side * side, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, numClasses)]);
        return nn.Sequential(layers);
    }
}
