
namespace NotebookDL.Vision.Augment;

/// <summary>
/// Several <see cref="LightingAugment"/>s applied to a training batch through one logit/sigmoid round trip (fastai's
/// merged LightingTfm): x' = sigmoid(f_n(...f_1(logit(x)))). Validation batches, and training batches where no
/// image drew a change, are returned as given.
/// </summary>
public sealed class LightingTransform : IRandomBatchTransform
{
    public LightingTransform(IEnumerable<LightingAugment> parts, bool batch = false, AugmentRandom? generator = null)
    {
        Parts = [.. parts];
        Batch = batch;
        Generator = generator ?? new AugmentRandom();
    }

    public IReadOnlyList<LightingAugment> Parts { get; }

    /// <summary>When true one draw serves the whole batch (fastai's batch=True).</summary>
    public bool Batch { get; }

    public AugmentRandom Generator { get; set; }

    /// <summary>x (B, C, H, W) float, values expected in [0, 1]; y is returned unchanged.</summary>
    public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training)
    {
        if (!training || Parts.Count == 0) return (x, y);
        AugmentChecks.FloatImageBatch(x, nameof(LightingTransform));
        var n = (int)x.shape[0];
        var draws = Parts.Select(part => (Part: part, Change: part.Draw(n, Generator, Batch)))
                         .Where(d => d.Change.Any(c => c != d.Part.Neutral))
                         .ToList();
        if (draws.Count == 0) return (x, y);

        var logits = Lighting.Logit(x);
        foreach (var (part, change) in draws)
        {
            using var perImage = torch.tensor(change, new long[] { n, 1, 1, 1 }, x.dtype, x.device);
            using var previous = logits;
            logits = part.ApplyToLogits(previous, perImage);
        }
        using (logits) return (logits.sigmoid(), y);
    }

    public override string ToString() => $"LightingTransform({string.Join(", ", Parts)})";
}
