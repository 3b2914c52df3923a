namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// LeNet-5 (LeCun et al. 1998) for small gray images: conv 5x5 (6, padded to keep 28x28) - ReLU - average pool 2,
    /// conv 5x5 (16) - ReLU - average pool 2, then fully connected 120 - 84 - <paramref name="numClasses"/>. ReLU in
    /// place of the original's scaled tanh, as it is taught today. 61,706 parameters at 28x28.
    /// </summary>
    public static Sequential LeNet5(long inChannels = 1, long numClasses = 10, long imageSize = 28)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        var side = (imageSize / 2 - 4) / 2;
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "LeNet-5 needs images of at least 12x12.");
        return nn.Sequential(
            nn.Conv2d(inChannels, 6, kernel_size: 5, padding: 2), nn.ReLU(), nn.AvgPool2d(2),
            nn.Conv2d(6, 16, kernel_size: 5), nn.ReLU(), nn.AvgPool2d(2),
            nn.Flatten(),
            nn.Linear(16 * side * side, 120), nn.ReLU(),
            nn.Linear(120, 84), nn.ReLU(),
            nn.Linear(84, numClasses));
    }
}
