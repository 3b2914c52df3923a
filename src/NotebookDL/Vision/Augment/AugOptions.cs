using NotebookDL.Data;

namespace NotebookDL.Vision.Augment;

/// <summary>
/// Every setting of <see cref="Augmentations.AugTransforms(AugOptions)"/>, with fastai v2's aug_transforms defaults.
/// The defaults live here only; the named-argument overload forwards to this record.
/// </summary>
public sealed record AugOptions
{
    /// <summary>Multiplies MaxRotate, MaxLighting and MaxWarp (fastai's mult).</summary>
    public double Mult { get; init; } = 1.0;
    public bool DoFlip { get; init; } = true;
    /// <summary>Use all 8 dihedral symmetries instead of left-right flips only.</summary>
    public bool FlipVert { get; init; } = false;
    public double MaxRotate { get; init; } = 10.0;
    public double MinZoom { get; init; } = 1.0;
    public double MaxZoom { get; init; } = 1.1;
    public double MaxLighting { get; init; } = 0.2;
    public double MaxWarp { get; init; } = 0.2;
    public double PAffine { get; init; } = 0.75;
    public double PLighting { get; init; } = 0.75;
    /// <summary>Further batch transforms; augmentations among them join the single resampling / lighting pass.</summary>
    public IReadOnlyList<IBatchTransform>? XtraTfms { get; init; } = null;
    /// <summary>Output size of the resampling (null keeps the input size).</summary>
    public OutputSize? Size { get; init; } = null;
    public string Mode { get; init; } = "bilinear";
    public string PadMode { get; init; } = "reflection";
    public bool AlignCorners { get; init; } = true;
    /// <summary>One draw for the whole batch instead of one per image.</summary>
    public bool Batch { get; init; } = false;
    /// <summary>fastai's RandomResizedCropGPU scale; only 1 (no crop) is supported here.</summary>
    public double MinScale { get; init; } = 1.0;
    /// <summary>Seed of the shared <see cref="AugmentRandom"/>; null seeds it from torch's global generator.</summary>
    public long? Seed { get; init; } = null;
}
