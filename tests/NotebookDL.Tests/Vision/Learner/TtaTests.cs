using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision.Learner;

using M = NotebookDL.Architectures.Models;

public sealed class TtaTests
{
    [Fact]
    public void CombineIsLerpFromTheAugmentedMeanTowardsThePlainPrediction()
    {
        using var a1 = tensor(new float[] { 0.2f, 0.8f }, new long[] { 1, 2 });
        using var a2 = tensor(new float[] { 0.4f, 0.6f }, new long[] { 1, 2 });
        using var plain = tensor(new float[] { 0.9f, 0.1f }, new long[] { 1, 2 });
        // mean = (0.3, 0.7); 0.75 * mean + 0.25 * plain = (0.45, 0.55).
        using var result = VisionLearner.Combine([a1, a2], plain, beta: 0.25);
        Assert.Equal([0.45f, 0.55f], result.ToArray<float>(), (x, y) => Math.Abs(x - y) < 1e-6);
    }

    [Fact]
    public void UseMaxTakesTheLargestProbabilityOfAnyPass()
    {
        using var a1 = tensor(new float[] { 0.2f, 0.8f }, new long[] { 1, 2 });
        using var a2 = tensor(new float[] { 0.4f, 0.6f }, new long[] { 1, 2 });
        using var plain = tensor(new float[] { 0.9f, 0.1f }, new long[] { 1, 2 });
        using var result = VisionLearner.Combine([a1, a2], plain, beta: 0.25, useMax: true);
        Assert.Equal([0.9f, 0.8f], result.ToArray<float>());
    }

    [Fact]
    public void LearnerTtaBlendsSoftmaxOfEachPass()
    {
        // The model is the identity, so each loader's X are the logits; pass i adds i to the second logit.
        float[] logits = [1f, 0f, 0f, 2f];
        BatchLoader Loader(float shift) => new(new TensorRowsDataset(
            tensor(logits.Select((v, k) => k % 2 == 1 ? v + shift : v).ToArray(), new long[] { 2, 2 }), tensor(new long[] { 0, 1 })), 2, numWorkers: 0);
        var dls = new DataLoaders(Loader(0), Loader(0), Vocab.InOrder(["a", "b"]));
        var learn = new VisionLearner(dls, nn.Identity(), progress: false);

        var (probs, targets) = learn.Tta(n: 2, beta: 0.25, augmented: i => Loader(i + 1));

        using var plain = tensor(logits, new long[] { 2, 2 }).softmax(1);
        using var p1 = tensor(logits.Select((v, k) => k % 2 == 1 ? v + 1 : v).ToArray(), new long[] { 2, 2 }).softmax(1);
        using var p2 = tensor(logits.Select((v, k) => k % 2 == 1 ? v + 2 : v).ToArray(), new long[] { 2, 2 }).softmax(1);
        using var expected = (p1 + p2) / 2 * 0.75 + plain * 0.25;
        Assert.True(TinyImages.Close(probs, expected, 1e-6), $"got {probs}, expected {expected}");
        Assert.Equal([0L, 1L], targets.ToArray<long>());
    }

    [Fact]
    public void TtaAccuracyReportsBoth()
    {
        var dls = TinyImages.Loaders(batchTfms: NotebookDL.Vision.Augment.Augmentations.AugTransforms(seed: 2));
        manual_seed(0);
        var learn = Learners.VisionLearner(dls, M.ResNet18, metrics: [Metrics.Accuracy], progress: false);
        var result = learn.TtaAccuracy(n: 2);
        Assert.Equal(TinyImages.Accuracy(learn), result.Plain, 6);
        Assert.InRange(result.WithTta, 0, 1);
        Assert.Contains("with TTA", result.ToString());
        // Displayed as a small table of the two accuracies, not as the record's raw properties.
        var html = NotebookDL.Display.Formatter.Format(result).Data[NotebookDL.Display.MimeBundle.TextHtml];
        Assert.Contains("<table>", html);
        Assert.Contains(result.WithTta.ToString("P2", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.DoesNotContain("Beta", html);
    }
}
