using NotebookDL.Data;

namespace NotebookDL.Vision.Augment;

/// <summary>
/// fastai's aug_transforms: the standard augmentation recipe as batch transforms. Use with
/// <c>using static NotebookDL.Vision.Augment.Augmentations;</c>.
/// <example><code>
/// var dls = ImageDataLoaders.FromFolder(path, itemTfms: Resize(32), batchTfms: AugTransforms(), bs: 128);
/// var strong = AugTransforms(maxRotate: 30, maxZoom: 1.5, flipVert: true);
/// </code></example>
/// </summary>
public static class Augmentations
{
    /// <summary>See <see cref="AugOptions"/> for every parameter; the defaults are fastai's.</summary>
    public static IReadOnlyList<IBatchTransform> AugTransforms(bool doFlip = true, bool flipVert = false, double maxRotate = 10,
        double minZoom = 1, double maxZoom = 1.1, double maxLighting = 0.2, double maxWarp = 0.2, double pAffine = 0.75,
        double pLighting = 0.75, IReadOnlyList<IBatchTransform>? xtraTfms = null, OutputSize? size = null, string mode = "bilinear",
        string padMode = "reflection", bool alignCorners = true, bool batch = false, double minScale = 1, double mult = 1,
        long? seed = null) =>
        AugTransforms(new AugOptions
        {
            Mult = mult, DoFlip = doFlip, FlipVert = flipVert, MaxRotate = maxRotate, MinZoom = minZoom, MaxZoom = maxZoom,
            MaxLighting = maxLighting, MaxWarp = maxWarp, PAffine = pAffine, PLighting = pLighting, XtraTfms = xtraTfms,
            Size = size, Mode = mode, PadMode = padMode, AlignCorners = alignCorners, Batch = batch, MinScale = minScale, Seed = seed,
        });

    /// <summary>
    /// Builds [one <see cref="AffineCoordTransform"/> (flip or dihedral, rotate, zoom, warp, resize), one
    /// <see cref="LightingTransform"/> (brightness, contrast), the other extra transforms], leaving out empty stages,
    /// all drawing from one shared <see cref="AugmentRandom"/>.
    /// </summary>
    public static IReadOnlyList<IBatchTransform> AugTransforms(AugOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinScale != 1)
            throw new NotSupportedException($"minScale {options.MinScale}: the batch-level random resized crop is not implemented; " +
                "use the item transform RandomResizedCrop (itemTfms) and keep minScale 1.");
        var o = options;
        var (rotate, lighting, warp) = (o.MaxRotate * o.Mult, o.MaxLighting * o.Mult, o.MaxWarp * o.Mult);

        var affine = new List<AffineAugment>();
        var coord = new List<CoordAugment>();
        var light = new List<LightingAugment>();
        var others = new List<IBatchTransform>();
        if (o.DoFlip) affine.Add(o.FlipVert ? new Dihedral(0.5) : new Flip(0.5));
        if (warp != 0) coord.Add(new Warp(warp, o.PAffine));
        if (rotate != 0) affine.Add(new Rotate(rotate, o.PAffine));
        if (o.MinZoom < 1 || o.MaxZoom > 1) affine.Add(new Zoom(o.MinZoom, o.MaxZoom, o.PAffine));
        if (lighting != 0)
        {
            light.Add(new Brightness(lighting, o.PLighting));
            light.Add(new Contrast(lighting, o.PLighting));
        }
        // As fastai's setup_aug_tfms: extra augmentations join the merged stages so the batch is still resampled once.
        foreach (var t in o.XtraTfms ?? [])
        {
            switch (t)
            {
                case AffineAugment a: affine.Add(a); break;
                case CoordAugment c: coord.Add(c); break;
                case LightingAugment l: light.Add(l); break;
                default: others.Add(t); break;
            }
        }

        var generator = new AugmentRandom(o.Seed);
        var result = new List<IBatchTransform>();
        if (affine.Count > 0 || coord.Count > 0 || o.Size is not null)
            result.Add(new AffineCoordTransform(affine, coord, o.Size, o.Mode, o.PadMode, o.AlignCorners, o.Batch, generator));
        if (light.Count > 0) result.Add(new LightingTransform(light, o.Batch, generator));
        result.AddRange(others);
        return result;
    }

    /// <summary>
    /// Seeds the random source of every augmentation in <paramref name="transforms"/> (e.g. once per batch, to
    /// reproduce it); transforms sharing a generator are seeded once, distinct generators get seed, seed + 1, ...
    /// </summary>
    public static void ManualSeed(this IEnumerable<IBatchTransform> transforms, long seed)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        var seen = new HashSet<AugmentRandom>(ReferenceEqualityComparer.Instance);
        foreach (var t in transforms.OfType<IRandomBatchTransform>())
            if (seen.Add(t.Generator)) t.Generator.ManualSeed(seed + seen.Count - 1);
    }
}
