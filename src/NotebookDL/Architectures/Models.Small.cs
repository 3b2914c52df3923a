
namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// The course's baseline CNN (the Fashion-MNIST baseline measured against PyTorch):
    /// conv3x3(16)-bn-relu-maxpool2, conv3x3(32)-bn-relu-maxpool2, flatten, fc(128)-relu, dropout 0.25, fc(numClasses).
    /// (N, inChannels, imageSize, imageSize) → (N, numClasses). A plain Sequential, so keys are "0.weight", "1.running_mean", ...
    /// </summary>
    /// <param name="inChannels">Image channels (1 for Fashion-MNIST).</param>
    /// <param name="numClasses">Outputs of the last layer.</param>
    /// <param name="imageSize">Input height and width; the first fc layer has 32·(imageSize/4)² inputs.</param>
    public static Sequential SimpleCnn(long inChannels = 1, long numClasses = 10, long imageSize = 28)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        var reduced = imageSize / 4;
        if (reduced < 1) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "imageSize must be at least 4 (two 2x2 poolings).");
        return nn.Sequential(
            nn.Conv2d(inChannels, 16, kernel_size: 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, kernel_size: 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(32 * reduced * reduced, 128), nn.ReLU(),
            nn.Dropout(0.25),
            nn.Linear(128, numClasses));
    }

    /// <summary>
    /// A multi-layer perceptron: Flatten, then Linear(sizes[i], sizes[i+1]) with a ReLU between consecutive layers
    /// (none after the last). (N, ...) with sizes[0] features per item → (N, sizes[^1]); e.g. <c>Mlp(784, 100, 10)</c>
    /// for 28x28 images. Keys: "1.weight", "1.bias", "3.weight", ... (index 0 is the Flatten).
    /// </summary>
    public static Sequential Mlp(params long[] sizes)
    {
        if (sizes.Length < 2) throw new ArgumentException($"An MLP needs at least an input and an output size, got [{string.Join(", ", sizes)}].", nameof(sizes));
        foreach (var s in sizes) Check.Positive(s, nameof(sizes));
        var layers = new List<nn.Module<Tensor, Tensor>> { nn.Flatten() };
        for (var i = 0; i < sizes.Length - 1; i++)
        {
            if (i > 0) layers.Add(nn.ReLU());
            layers.Add(nn.Linear(sizes[i], sizes[i + 1]));
        }
        return nn.Sequential(layers.ToArray());
    }
}
