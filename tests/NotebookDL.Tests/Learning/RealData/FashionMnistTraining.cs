using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Vision;
using Xunit.Abstractions;

namespace NotebookDL.Tests.Learning.RealData;

/// <summary>
/// Trains Models.SimpleCnn once on the real Fashion-MNIST (Debian's dataset-fashion-mnist: all 60k training and 10k
/// test images): LrFind on the fresh model, then 2 epochs of FitOneCycle at 3e-3, bs 128, fixed seed. Shared by
/// the assertions in <see cref="FashionMnistTrainingTests"/> so the ~2 minutes of training happen once.
/// </summary>
public sealed class FashionMnistTraining : IDisposable
{
    public const int Seed = 42;
    public const double LearningRate = 3e-3;

    private readonly Tensor[] _data;

    public FashionMnistTraining()
    {
        var (trainImages, trainLabels) = Datasets.FashionMnist.Load(train: true);
        var (testImages, testLabels) = Datasets.FashionMnist.Load(train: false);
        TrainCount = trainImages.shape[0];
        TestCount = testImages.shape[0];
        // Normalise with the training set's own mean and std (as fastai's Normalize.from_stats on the data).
        var xTrain = trainImages.to(float32).div(255).unsqueeze(1);
        var xTest = testImages.to(float32).div(255).unsqueeze(1);
        var mean = xTrain.mean().ToSingle();
        var std = xTrain.std().ToSingle();
        xTrain = xTrain.sub(mean).div(std);
        xTest = xTest.sub(mean).div(std);
        _data = [trainImages, testImages, xTrain, xTest, trainLabels, testLabels];
        (XTest, YTest) = (xTest, testLabels);

        var dls = DataLoaders.FromTensors(xTrain, trainLabels, xTest, testLabels, bs: 128, shuffle: true, seed: Seed,
            vocab: Datasets.FashionMnist.Classes);
        manual_seed(Seed);
        Learn = new Learner(dls, NotebookDL.Architectures.Models.SimpleCnn(), LossFunction.CrossEntropy, metrics: [Metrics.Accuracy], progress: false);

        LrFind = Learn.LrFind(showPlot: false);
        Learn.FitOneCycle(2, LearningRate);
    }

    public Learner Learn { get; }

    public LrFindResult LrFind { get; }

    /// <summary>Normalised test images (10000, 1, 28, 28) and their labels.</summary>
    public Tensor XTest { get; }

    public Tensor YTest { get; }

    public long TrainCount { get; }

    public long TestCount { get; }

    /// <summary>Accuracy on the 10k test images after the last epoch (the Recorder's last row).</summary>
    public double TestAccuracy => Learn.Recorder.Values[^1][2];

    public void Dispose()
    {
        Learn.Opt?.Dispose();
        foreach (var t in _data) t.Dispose();
    }
}

/// <summary>
/// Runs alone (not in parallel with other test classes): dropout draws from libtorch's global generator, and another
/// class calling manual_seed mid-training would change the masks and so the exact accuracy this run reaches.
/// </summary>
[CollectionDefinition(nameof(RealDataCollection), DisableParallelization = true)]
public sealed class RealDataCollection;

[Collection(nameof(RealDataCollection))]
public class FashionMnistTrainingTests(FashionMnistTraining run, ITestOutputHelper output) : IClassFixture<FashionMnistTraining>
{
    [Fact]
    public void Uses_the_full_dataset()
    {
        Assert.Equal(60_000, run.TrainCount);
        Assert.Equal(10_000, run.TestCount);
        Assert.Equal(60_000 / 128, run.Learn.Dls.Train.Count);   // training drops the last partial batch, as fastai's
    }

    [Fact]
    public void SimpleCnn_reaches_90_percent_test_accuracy_in_two_epochs()
    {
        output.WriteLine($"test accuracy per epoch: {string.Join(", ", run.Learn.Recorder.Values.Select(v => v[2].ToString("P2")))}");
        Assert.Equal(2, run.Learn.Recorder.Values.Count);
        Assert.True(run.TestAccuracy >= 0.90, $"test accuracy after 2 epochs of FitOneCycle was {run.TestAccuracy:P2}, expected at least 90%");
    }

    [Fact]
    public void Loss_falls_from_chance_level_and_stays_finite()
    {
        var raw = run.Learn.Recorder.RawLosses;
        Assert.Equal(2 * run.Learn.Dls.Train.Count, raw.Count);
        Assert.All(raw, l => Assert.True(double.IsFinite(l)));
        Assert.InRange(raw[0], 1.5, 3.5); // ln(10) ≈ 2.3 for a fresh 10-class model
        var (trainLoss, validLoss) = (run.Learn.Recorder.Values[^1][0], run.Learn.Recorder.Values[^1][1]);
        Assert.True(trainLoss < 0.45, $"final train loss {trainLoss}");
        Assert.True(validLoss < 0.35, $"final valid loss {validLoss}");
        Assert.True(run.Learn.Recorder.Values[1][1] < run.Learn.Recorder.Values[0][1], "valid loss fell from epoch 1 to epoch 2");
    }

    [Fact]
    public void LrFind_suggests_a_sensible_rate()
    {
        output.WriteLine(run.LrFind.ToString());
        Assert.InRange(run.LrFind.Valley, 1e-4, 1e-1);
        Assert.InRange(run.LrFind.Steep, 1e-6, 1);
        Assert.Contains(run.LrFind.Valley, run.LrFind.Lrs);
    }

    [Fact]
    public void The_trained_model_predicts_test_images_by_class_name()
    {
        // Predict must decode to a vocab name and (for a ~90% model) agree with most of the first 20 labels.
        var correct = 0;
        for (var i = 0; i < 20; i++)
        {
            using var item = run.XTest[i];
            using var label = run.YTest[i];
            var prediction = run.Learn.Predict(item);
            Assert.Contains(prediction.Label, Datasets.FashionMnist.Classes);
            if (prediction.Label == Datasets.FashionMnist.Classes[(int)label.ToInt64()]) correct++;
        }
        Assert.True(correct >= 16, $"{correct}/20 of the first test images predicted correctly");
    }
}
