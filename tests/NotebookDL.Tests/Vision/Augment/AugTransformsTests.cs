using NotebookDL.Vision.Augment;
using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;
using static NotebookDL.Vision.Augment.Augmentations;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>The aug_transforms recipe: fastai's defaults, invariants of its output, seeding and validation.</summary>
public class AugTransformsTests
{
    [Fact]
    public void Defaults_are_fastais()
    {
        // fastai.vision.augment.aug_transforms signature.
        var o = new AugOptions();
        Assert.Equal(1.0, o.Mult);
        Assert.True(o.DoFlip);
        Assert.False(o.FlipVert);
        Assert.Equal(10.0, o.MaxRotate);
        Assert.Equal(1.0, o.MinZoom);
        Assert.Equal(1.1, o.MaxZoom);
        Assert.Equal(0.2, o.MaxLighting);
        Assert.Equal(0.2, o.MaxWarp);
        Assert.Equal(0.75, o.PAffine);
        Assert.Equal(0.75, o.PLighting);
        Assert.Null(o.XtraTfms);
        Assert.Null(o.Size);
        Assert.Equal("bilinear", o.Mode);
        Assert.Equal("reflection", o.PadMode);
        Assert.True(o.AlignCorners);
        Assert.False(o.Batch);
        Assert.Equal(1.0, o.MinScale);
    }

    [Fact]
    public void The_recipe_merges_geometry_into_one_resampling_and_lighting_into_one_pass()
    {
        var tfms = AugTransforms();
        Assert.Equal(2, tfms.Count);
        var affine = Assert.IsType<AffineCoordTransform>(tfms[0]);
        Assert.Equal(0.5, Assert.IsType<Flip>(affine.Affine[0]).P);            // fastai flips with p 0.5, not p_affine
        var rotate = Assert.IsType<Rotate>(affine.Affine[1]);
        Assert.Equal((10.0, 0.75), (rotate.MaxDeg, rotate.P));
        var zoom = Assert.IsType<Zoom>(affine.Affine[2]);
        Assert.Equal((1.0, 1.1, 0.75), (zoom.MinZoom, zoom.MaxZoom, zoom.P));
        var warp = Assert.IsType<Warp>(Assert.Single(affine.Coord));
        Assert.Equal((0.2, 0.75), (warp.Magnitude, warp.P));
        Assert.Equal(("bilinear", "reflection", true), (affine.Mode, affine.PadMode, affine.AlignCorners));
        var lighting = Assert.IsType<LightingTransform>(tfms[1]);
        Assert.IsType<Brightness>(lighting.Parts[0]);
        Assert.IsType<Contrast>(lighting.Parts[1]);
        Assert.All(lighting.Parts, p => Assert.Equal(0.75, p.P));
        Assert.IsType<Dihedral>(((AffineCoordTransform)AugTransforms(flipVert: true)[0]).Affine[0]);
    }

    [Fact]
    public void Geometry_stays_within_the_input_range_and_lighting_within_0_1()
    {
        using var x = RandomImages(32, 3, 16, 20, seed: 11);
        using var scaled = x.mul(0.5).add(0.25);                          // values in [0.25, 0.75]
        var y = Labels(32);
        using var geometric = Run(AugTransforms(maxLighting: 0, maxRotate: 45, minZoom: 0.5, maxZoom: 2, seed: 1), scaled, y);
        using var min = geometric.min();
        using var max = geometric.max();
        Assert.InRange(min.ToSingle(), 0.25f - 1e-6f, 0.75f);
        Assert.InRange(max.ToSingle(), 0.25f, 0.75f + 1e-6f);
        using var full = Run(AugTransforms(seed: 1), x, y);
        Assert.All(full.ToArray<float>(), v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Shape_dtype_and_labels_are_preserved()
    {
        foreach (var dtype in new[] { float32, float64 })
        {
            using var raw = RandomImages(8, 3, 12, 12, seed: 12);
            using var x = raw.to(dtype);
            using var y = Labels(8);
            foreach (var t in AugTransforms(seed: 3))
            {
                var (result, labels) = t.Apply(x, y, training: true);
                Assert.Same(y, labels);
                Assert.Equal(x.shape, result.shape);
                Assert.Equal(dtype, result.dtype);
                if (!ReferenceEquals(result, x)) result.Dispose();
            }
        }
    }

    [Fact]
    public void Same_seed_same_batch_other_seed_other_batch_whatever_torch_seed()
    {
        using var x = RandomImages(16, 1, 10, 10, seed: 13);
        var y = Labels(16);
        manual_seed(1);
        using var a = Run(AugTransforms(seed: 5), x, y);
        manual_seed(2);                                               // the augmentations have their own generator
        using var b = Run(AugTransforms(seed: 5), x, y);
        using var c = Run(AugTransforms(seed: 6), x, y);
        Assert.Equal(0f, MaxAbsDiff(a, b));
        Assert.True(MaxAbsDiff(a, c) > 1e-3f);
    }

    [Fact]
    public void Reseeding_the_list_reproduces_a_batch()
    {
        using var x = RandomImages(16, 1, 10, 10, seed: 14);
        var y = Labels(16);
        var tfms = AugTransforms();
        tfms.ManualSeed(42);
        using var first = Run(tfms, x, y);
        using var second = Run(tfms, x, y);                           // stream moved on: a different batch
        tfms.ManualSeed(42);
        using var again = Run(tfms, x, y);
        Assert.Equal(0f, MaxAbsDiff(first, again));
        Assert.True(MaxAbsDiff(first, second) > 1e-3f);
    }

    [Fact]
    public void Each_image_decides_for_itself()
    {
        // Flip only, p 0.5, 32 images: some must come out mirrored and some not (all alike has probability 2^-31).
        using var x = HorizontalGradient(32, 1, 4, 6);
        using var reversed = HorizontalGradient(1, 1, 4, 6, reversed: true);
        var tfms = AugTransforms(maxRotate: 0, maxZoom: 1, maxWarp: 0, maxLighting: 0, seed: 9);
        using var result = Run(tfms, x, Labels(32));
        var flipped = Enumerable.Range(0, 32).Select(i =>
        {
            using var image = result.narrow(0, i, 1);
            return MaxAbsDiff(image, reversed) < 1e-5f;
        }).ToList();
        Assert.Contains(true, flipped);
        Assert.Contains(false, flipped);
    }

    [Fact]
    public void Validation_batches_pass_through_unchanged()
    {
        using var x = RandomImages(4, 3, 8, 8, seed: 15);
        using var y = Labels(4);
        foreach (var t in AugTransforms(maxRotate: 90, maxLighting: 0.9, seed: 2))
        {
            var (vx, vy) = t.Apply(x, y, training: false);
            Assert.Same(x, vx);
            Assert.Same(y, vy);
        }
    }

    [Fact]
    public void Bad_arguments_say_what_was_wrong()
    {
        Assert.Throws<NotSupportedException>(() => AugTransforms(minScale: 0.75));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Flip(p: 1.5));
        Assert.Throws<ArgumentException>(() => new Zoom(minZoom: 2, maxZoom: 1));
        using var ints = zeros(new long[] { 1, 1, 4, 4 }, int64);
        var error = Assert.Throws<ArgumentException>(() => new Flip(1).Apply(ints, Labels(1), true));
        Assert.Contains("floating-point", error.Message);
    }
}
