using NotebookDL.Vision.Augment;
using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>Brightness and contrast in logit space, checked against the formulas computed per pixel in double.</summary>
public class LightingTests
{
    private static double Logit(double v) => Math.Log(v / (1 - v));
    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    /// <summary>(1, 1, 2, n) whose second row mirrors the first around 0.5 (v and 1 - v), values in [0.1, 0.9].</summary>
    private static (Tensor X, float[] Values) SymmetricImage(int n)
    {
        var values = new float[2 * n];
        for (var i = 0; i < n; i++)
        {
            values[i] = 0.1f + 0.8f * i / (n - 1);
            values[n + i] = 1 - values[i];
        }
        return (tensor(values, new long[] { 1, 1, 2, n }), values);
    }

    [Fact]
    public void Brightness_adds_the_logit_of_the_change_and_raises_the_mean()
    {
        var (x, values) = SymmetricImage(9);
        using (x)
        {
            var expected = values.Select(v => (float)Sigmoid(Logit(v) + Logit(0.6))).ToArray();
            var (result, _) = new Brightness(maxLighting: 0.2, p: 1, draw: 0.6).Apply(x, Labels(1), training: true);
            using (result)
            {
                using var expectedTensor = tensor(expected, new long[] { 1, 1, 2, 9 });
                Assert.True(MaxAbsDiff(result, expectedTensor) < 1e-5f);
                using var before = x.mean();
                using var after = result.mean();
                Assert.True(after.ToSingle() > before.ToSingle() + 0.05f);
            }
        }
    }

    [Fact]
    public void Contrast_scales_logits_so_a_balanced_image_keeps_its_mean_and_spreads()
    {
        var (x, _) = SymmetricImage(9);
        using (x)
        {
            var (result, _) = new Contrast(maxLighting: 0.2, p: 1, draw: 1.25).Apply(x, Labels(1), training: true);
            using (result)
            {
                // Logits of v and 1 - v are opposite, so scaling them keeps their mean at 0: the image mean stays 0.5.
                using var mean = result.mean();
                Assert.Equal(0.5f, mean.ToSingle(), 1e-5f);
                using var logits = Lighting.Logit(result);
                using var logitMean = logits.mean();
                Assert.Equal(0f, logitMean.ToSingle(), 1e-4f);
                using var before = x.std();
                using var after = result.std();
                Assert.True(after.ToSingle() > before.ToSingle());
            }
        }
    }

    [Fact]
    public void Lighting_with_probability_zero_or_in_validation_returns_the_input()
    {
        using var x = RandomImages(4, 3, 5, 5, seed: 7);
        var (skipped, _) = new LightingTransform([new Brightness(p: 0), new Contrast(p: 0)]).Apply(x, Labels(4), training: true);
        Assert.Same(x, skipped);
        var (valid, _) = new Brightness(p: 1).Apply(x, Labels(4), training: false);
        Assert.Same(x, valid);
    }

    [Fact]
    public void Lighting_never_leaves_0_1_even_at_the_extremes()
    {
        using var x = tensor(new float[] { 0, 1e-9f, 0.5f, 1 - 1e-7f, 1 }, new long[] { 1, 1, 1, 5 });
        var (result, _) = new LightingTransform([new Brightness(0.9, 1, draw: 0.95), new Contrast(0.9, 1, draw: 9.5)]).Apply(x, Labels(1), true);
        using (result)
        {
            var values = result.ToArray<float>();
            Assert.All(values, v => Assert.InRange(v, 0f, 1f));
            Assert.DoesNotContain(values, float.IsNaN);
        }
    }
}
