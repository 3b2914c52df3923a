using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Vision;
using Xunit.Abstractions;

namespace NotebookDL.Tests.Vision.Learner;

using Models = NotebookDL.Architectures.Models;

/// <summary>
/// The bar for the vision learner on real data: a ResNet-18 VisionLearner trained for one epoch of
/// FitOneCycle on a 10,000-image subset of Debian's Fashion-MNIST reaches at least 85% on the test images.
/// Runs alone: dropout and shuffling use the global generator, seeded here.
/// </summary>
[Collection(nameof(VisionRealDataCollection))]
public class VisionLearnerRealDataTests(ITestOutputHelper output)
{
    [Fact]
    public void ResNet18_reaches_85_percent_in_one_epoch_on_10000_real_images()
    {
        const int trainCount = 10_000, testCount = 2_000, seed = 42;
        using var scope = NewDisposeScope();
        var (trainImages, trainLabels) = Datasets.FashionMnist.Load(train: true);
        var (testImages, testLabels) = Datasets.FashionMnist.Load(train: false);
        var xTrain = Resize56(trainImages[..trainCount]);
        var xTest = Resize56(testImages[..testCount]);
        // Normalised with the training subset's own statistics (fastai's Normalize.from_stats on the data).
        var (mean, std) = (xTrain.mean().ToSingle(), xTrain.std().ToSingle());
        (xTrain, xTest) = (xTrain.sub(mean).div(std), xTest.sub(mean).div(std));
        var dls = DataLoaders.FromTensors(xTrain, trainLabels[..trainCount], xTest, testLabels[..testCount],
            bs: 64, shuffle: true, seed: seed, vocab: Datasets.FashionMnist.Classes);
        manual_seed(seed);
        var learn = Learners.VisionLearner(dls, Models.ResNet18, metrics: [Metrics.Accuracy], progress: false);

        learn.FitOneCycle(1, 3e-3);

        var accuracy = learn.Validate().Metrics["accuracy"];
        output.WriteLine($"accuracy after one epoch on 10,000 images: {accuracy:P2}");
        Assert.True(accuracy >= 0.85, $"accuracy after one epoch on 10,000 images: {accuracy:P2}");
    }

    // ResNet-18 halves the resolution five times; at 28x28 the last stage sees 1x1 maps. Doubling the size (as the
    // course resizes its images up) gives the body room: (N, 28, 28) uint8 -> (N, 1, 56, 56) float in [0, 1].
    private static Tensor Resize56(Tensor images) =>
        nn.functional.interpolate(images.to(float32).div(255).unsqueeze(1), scale_factor: [2, 2], mode: InterpolationMode.Bilinear, align_corners: false);
}

[CollectionDefinition(nameof(VisionRealDataCollection), DisableParallelization = true)]
public class VisionRealDataCollection;
