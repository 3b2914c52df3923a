using NotebookDL.Data;

namespace NotebookDL.Vision;

/// <summary>
/// Normalises a batch per channel, x' = (x - mean) / std over dim 1 of (B, C, H, W), on training and validation
/// alike; <see cref="Decode"/> undoes it for display. One-value stats apply to every channel; a 1-channel batch
/// with 3-channel stats whose channels are equal (MnistStats) uses that value.
/// <example><code>
/// batchTfms: [Normalize.FromStats(ImageStats.ImagenetStats)]
/// dls.Add(Normalize.FromData(dls));
/// </code></example>
/// </summary>
public sealed class Normalize : IBatchTransform
{
    private Normalize(float[] mean, float[] std)
    {
        if (mean.Length != std.Length || mean.Length == 0)
            throw new ArgumentException($"Normalize needs as many means as stds (at least one), got {mean.Length} and {std.Length}.");
        if (std.Any(s => !(s > 0))) throw new ArgumentException($"Every std must be positive, got [{string.Join(", ", std)}].", nameof(std));
        Mean = mean;
        Std = std;
    }

    public IReadOnlyList<float> Mean { get; }
    public IReadOnlyList<float> Std { get; }

    public static Normalize FromStats(float[] mean, float[] std) => new([.. mean], [.. std]);

    public static Normalize FromStats(ChannelStats stats) => FromStats(stats.Mean, stats.Std);

    /// <summary>
    /// Stats measured on up to <paramref name="batches"/> training batches (raw, before batch transforms):
    /// per-channel mean and population standard deviation over all pixels seen.
    /// </summary>
    public static Normalize FromData(DataLoaders dls, int batches = 1)
    {
        ArgumentNullException.ThrowIfNull(dls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batches);
        double[]? sum = null, sumSq = null;
        long count = 0;
        foreach (var batch in dls.Train.RawBatches(batches))
        {
            using (batch)
            {
                var shape = batch.X.shape;
                int c = (int)shape[1], plane = (int)(shape[2] * shape[3]);
                var values = batch.X.ToArray<float>();
                sum ??= new double[c];
                sumSq ??= new double[c];
                for (var b = 0; b < shape[0]; b++)
                    for (var ch = 0; ch < c; ch++)
                    {
                        var offset = (b * c + ch) * plane;
                        for (var i = 0; i < plane; i++)
                        {
                            double v = values[offset + i];
                            sum[ch] += v;
                            sumSq[ch] += v * v;
                        }
                    }
                count += shape[0] * plane;
            }
        }
        if (sum is null || sumSq is null) throw new InvalidOperationException("The training loader yields no batches to measure.");
        var mean = sum.Select(s => (float)(s / count)).ToArray();
        var std = sum.Zip(sumSq, (s, q) => (float)Math.Sqrt(Math.Max(q / count - (s / count) * (s / count), 0)) + 1e-7f).ToArray();
        return new Normalize(mean, std);
    }

    public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training)
    {
        var (mean, std) = StatTensors(x);
        using (mean)
        using (std)
            return (x.sub(mean).div(std), y);
    }

    public Tensor Decode(Tensor x)
    {
        var (mean, std) = StatTensors(x);
        using (mean)
        using (std)
            return x.mul(std).add(mean);
    }

    /// <summary>Mean and std shaped (1, C, 1, 1) on x's device, matched to x's channel count.</summary>
    private (Tensor Mean, Tensor Std) StatTensors(Tensor x)
    {
        if (x.ndim != 4) throw new ArgumentException($"Normalize expects a (B, C, H, W) batch, got [{string.Join(", ", x.shape)}].", nameof(x));
        var c = (int)x.shape[1];
        float[] m = [.. Mean], s = [.. Std];
        if (m.Length != c)
        {
            var uniform = m.All(v => v == m[0]) && s.All(v => v == s[0]);
            if (!(m.Length == 1 || (c == 1 && uniform)))
                throw new ArgumentException($"Normalize has stats for {m.Length} channels but the batch has {c}. " +
                    (c == 1 ? "Use 1-channel stats, or load images with convertMode: \"RGB\"." : ""), nameof(x));
            (m, s) = (Enumerable.Repeat(m[0], c).ToArray(), Enumerable.Repeat(s[0], c).ToArray());
        }
        long[] shape = [1, c, 1, 1];
        return (torch.tensor(m, shape, ScalarType.Float32, x.device), torch.tensor(s, shape, ScalarType.Float32, x.device));
    }

    public override string ToString() => $"Normalize(mean [{string.Join(", ", Mean)}], std [{string.Join(", ", Std)}])";
}
