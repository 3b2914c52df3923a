namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// An AlexNet-style net (Krizhevsky et al. 2012) scaled to 28x28 images: AlexNet's shape — two large-kernel
    /// convolutions with pooling, three 3x3 convolutions, a pool, and two wide fully connected layers with dropout 0.5 —
    /// with fewer channels and 5x5 in place of the 11x11 stride-4 stem that a 28-pixel image cannot take.
    /// </summary>
    public static Sequential AlexNetSmall(long inChannels = 1, long numClasses = 10, long imageSize = 28)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        var side = imageSize / 8;
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "AlexNetSmall needs images of at least 8x8 (three 2x2 poolings).");
        return nn.Sequential(
            nn.Conv2d(inChannels, 32, kernel_size: 5, padding: 2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, kernel_size: 5, padding: 2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 96, kernel_size: 3, padding: 1), nn.ReLU(),
            nn.Conv2d(96, 96, kernel_size: 3, padding: 1), nn.ReLU(),
            nn.Conv2d(96, 64, kernel_size: 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Dropout(0.5), nn.Linear(64 * side * side, 256), nn.ReLU(),
            nn.Dropout(0.5), nn.Linear(256, 256), nn.ReLU(),
            nn.Linear(256, numClasses));
    }
}
