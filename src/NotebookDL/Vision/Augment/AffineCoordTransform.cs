
namespace NotebookDL.Vision.Augment;

/// <summary>
/// All geometric augmentations of a batch in one resampling (fastai's merged AffineCoordTfm): each image's affine
/// parts are multiplied into one matrix, affine_grid turns it into a sampling grid, the coordinate parts (warp) bend
/// that grid, and a single grid_sample reads the batch — one interpolation however many transforms, so the image
/// blurs once. The output has <see cref="Size"/> (the input size when null).
/// Validation batches are only resized (to <see cref="Size"/>, when it differs from the input), never augmented.
/// </summary>
public sealed class AffineCoordTransform : IRandomBatchTransform
{
    public AffineCoordTransform(IEnumerable<AffineAugment> affine, IEnumerable<CoordAugment> coord, OutputSize? size = null,
        string mode = "bilinear", string padMode = "reflection", bool alignCorners = true, bool batch = false, AugmentRandom? generator = null)
    {
        Affine = [.. affine];
        Coord = [.. coord];
        if (size is { } s && (s.Height <= 0 || s.Width <= 0))
            throw new ArgumentOutOfRangeException(nameof(size), s, "The output size must be positive.");
        (Size, Mode, PadMode, AlignCorners, Batch) = (size, mode, padMode, alignCorners, batch);
        (_mode, _padMode) = (SampleMode(mode), SamplePadding(padMode));
        Generator = generator ?? new AugmentRandom();
    }

    public IReadOnlyList<AffineAugment> Affine { get; }
    public IReadOnlyList<CoordAugment> Coord { get; }
    public OutputSize? Size { get; }
    public string Mode { get; }
    public string PadMode { get; }

    private readonly GridSampleMode _mode;
    private readonly GridSamplePaddingMode _padMode;

    // fastai's (and PyTorch's) names for grid_sample's options, as TorchSharp's enums.
    private static GridSampleMode SampleMode(string mode) => mode switch
    {
        "bilinear" => GridSampleMode.Bilinear,
        "nearest" => GridSampleMode.Nearest,
        _ => throw new ArgumentException($"Unknown interpolation mode \"{mode}\": use \"bilinear\" or \"nearest\".", nameof(mode)),
    };

    private static GridSamplePaddingMode SamplePadding(string padMode) => padMode switch
    {
        "reflection" => GridSamplePaddingMode.Reflection,
        "zeros" => GridSamplePaddingMode.Zeros,
        "border" => GridSamplePaddingMode.Border,
        _ => throw new ArgumentException($"Unknown padding mode \"{padMode}\": use \"reflection\", \"zeros\" or \"border\".", nameof(padMode)),
    };
    public bool AlignCorners { get; }

    /// <summary>When true one draw serves the whole batch (fastai's batch=True).</summary>
    public bool Batch { get; }

    public AugmentRandom Generator { get; set; }

    /// <summary>x (B, C, H, W) float → (B, C, H', W'); y is returned unchanged.</summary>
    public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training)
    {
        AugmentChecks.FloatImageBatch(x, nameof(AffineCoordTransform));
        var (n, h, w) = ((int)x.shape[0], x.shape[2], x.shape[3]);
        var (outH, outW) = Size is { } s ? ((long)s.Height, (long)s.Width) : (h, w);
        var resize = outH != h || outW != w;

        var matrices = Enumerable.Repeat(AffineMatrix.Identity, n).ToArray();
        if (training)
            foreach (var part in Affine)
            {
                var drawn = part.Draw(n, Generator, Batch);
                for (var i = 0; i < n; i++) matrices[i] *= drawn[i];
            }

        using var theta = AffineMatrix.ToTheta(matrices.Select(m => m.ForAspect(h, w)).ToArray(), x.dtype, x.device);
        var grid = torch.nn.functional.affine_grid(theta, [n, x.shape[1], outH, outW], AlignCorners);
        var moved = false;
        if (training)
            foreach (var part in Coord)
            {
                if (part.Transform(grid, Generator, Batch) is not { } next) continue;
                grid.Dispose();
                (grid, moved) = (next, true);
            }
        using (grid)
        {
            // Nothing drawn and nothing to resize: return the batch itself rather than an interpolated copy of it.
            if (!resize && !moved && matrices.All(m => m.IsIdentity)) return (x, y);
            return (torch.nn.functional.grid_sample(x, grid, _mode, _padMode, AlignCorners), y);
        }
    }

    public override string ToString() =>
        $"AffineCoordTransform([{string.Join(", ", Affine.Cast<object>().Concat(Coord))}], size {Size?.ToString() ?? "same"}, {Mode}, {PadMode})";
}
