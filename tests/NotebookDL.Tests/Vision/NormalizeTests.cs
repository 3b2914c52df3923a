using NotebookDL.Data;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

public class NormalizeTests
{
    [Fact]
    public void FromStats_subtracts_the_mean_and_divides_by_the_std_per_channel()
    {
        // x[b, c, i, j] = 0.5 for every pixel; channel c has mean m_c and std s_c.
        using var x = full(new long[] { 2, 3, 2, 2 }, 0.5);
        using var y = tensor(new long[] { 1, 2 });
        var norm = Normalize.FromStats([0.1f, 0.2f, 0.3f], [0.5f, 0.25f, 0.1f]);

        var (nx, ny) = norm.Apply(x, y, training: true);
        using (nx)
        {
            Assert.Same(y, ny);
            var v = nx.ToArray<float>();
            float[] expected = [(0.5f - 0.1f) / 0.5f, (0.5f - 0.2f) / 0.25f, (0.5f - 0.3f) / 0.1f];
            for (var i = 0; i < v.Length; i++) Assert.Equal(expected[i / 4 % 3], v[i], 5);
            using var back = norm.Decode(nx);
            Assert.All(back.ToArray<float>(), f => Assert.Equal(0.5f, f, 5));
        }
    }

    [Fact]
    public void Imagenet_stats_are_fastais()
    {
        var n = Normalize.FromStats(ImageStats.ImagenetStats);
        Assert.Equal([0.485f, 0.456f, 0.406f], n.Mean);
        Assert.Equal([0.229f, 0.224f, 0.225f], n.Std);
    }

    [Fact]
    public void Uniform_three_channel_stats_apply_to_a_gray_batch_and_others_are_refused()
    {
        using var x = ones(2, 1, 2, 2);
        using var y = zeros(new long[] { 2 }, int64);
        var (nx, _) = Normalize.FromStats(ImageStats.MnistStats).Apply(x, y, false);
        using (nx) Assert.Equal((1 - 0.131f) / 0.308f, nx.ToArray<float>()[0], 4);

        var e = Assert.Throws<ArgumentException>(() => Normalize.FromStats(ImageStats.ImagenetStats).Apply(x, y, false));
        Assert.Contains("convertMode", e.Message);
    }

    [Fact]
    public void FromData_measures_mean_and_std_of_the_training_batches()
    {
        // Channel 0 holds 0 and 1 in equal numbers (mean 0.5, population std 0.5); channel 1 is constant 0.25.
        var values = new float[4 * 2 * 2 * 2];
        for (var b = 0; b < 4; b++)
            for (var i = 0; i < 4; i++)
            {
                values[(b * 2 + 0) * 4 + i] = i % 2;
                values[(b * 2 + 1) * 4 + i] = 0.25f;
            }
        using var x = tensor(values, new long[] { 4, 2, 2, 2 });
        using var y = zeros(new long[] { 4 }, int64);
        var dls = new DataLoaders(new BatchLoader(new TensorRowsDataset(x, y), bs: 4, numWorkers: 0), new BatchLoader(new TensorRowsDataset(x, y), bs: 4, numWorkers: 0));

        var n = Normalize.FromData(dls);

        Assert.Equal(0.5f, n.Mean[0], 5);
        Assert.Equal(0.25f, n.Mean[1], 5);
        Assert.Equal(0.5f, n.Std[0], 5);
        Assert.True(n.Std[1] > 0 && n.Std[1] < 1e-3); // constant channel: epsilon keeps it usable
        dls.Add(n);
        using var batch = dls.OneBatch();
        Assert.Equal(0f, batch.X.mean(new long[] { 0, 2, 3 }).ToArray<float>()[0], 4);
    }
}
