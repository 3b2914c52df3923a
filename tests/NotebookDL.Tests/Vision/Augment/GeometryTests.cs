using NotebookDL.Vision.Augment;
using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>Flip, rotate and zoom on images whose transformed form is known by construction.</summary>
public class GeometryTests
{
    [Fact]
    public void Flip_reverses_a_horizontal_gradient()
    {
        using var x = HorizontalGradient(2, 3, 5, 7);
        using var expected = HorizontalGradient(2, 3, 5, 7, reversed: true);
        var (result, _) = new Flip(p: 1).Apply(x, Labels(2), training: true);
        using (result) Assert.True(MaxAbsDiff(result, expected) < 1e-5f);
    }

    [Fact]
    public void Rotating_90_degrees_moves_a_square_as_transpose_then_mirror()
    {
        // Off-centre square: rows 1..3, columns 4..6 of an 8x8 image. A clockwise quarter turn sends (r, c) to
        // (c, 7 - r): rows 4..6, columns 4..6.
        using var x = WhiteRectangle(8, 1, 3, 4, 6);
        using var transposed = x.transpose(-2, -1);
        using var expected = transposed.flip(-1);
        using var byHand = WhiteRectangle(8, 4, 6, 4, 6);
        var (result, _) = new Rotate(maxDeg: 90, p: 1, draw: 90).Apply(x, Labels(1), training: true);
        using (result)
        {
            Assert.True(MaxAbsDiff(result, expected) < 1e-5f);
            Assert.True(MaxAbsDiff(result, byHand) < 1e-5f);
        }
    }

    [Fact]
    public void Matrices_compose_like_their_geometry()
    {
        // Two quarter turns are a half turn, which is a mirror in x and in y.
        var half = AffineMatrix.Rotation(90) * AffineMatrix.Rotation(90);
        var expected = AffineMatrix.Dihedral(3);
        foreach (var (a, b) in new[] { (half.A, expected.A), (half.B, expected.B), (half.D, expected.D), (half.E, expected.E) })
            Assert.Equal(b, a, 12);
        Assert.True((AffineMatrix.FlipHorizontal * AffineMatrix.FlipHorizontal).IsIdentity);
    }

    public static TheoryData<string> IdentityCases => ["rotate 0", "zoom 1", "flip p 0", "rotate p 0", "warp 0"];

    [Theory]
    [MemberData(nameof(IdentityCases))]
    public void Neutral_parameters_leave_the_batch_unchanged(string name)
    {
        using var x = RandomImages(3, 2, 9, 11, seed: 1);
        var transform = name switch
        {
            "rotate 0" => (NotebookDL.Data.IBatchTransform)new Rotate(maxDeg: 0, p: 1),
            "zoom 1" => new Zoom(1, 1, p: 1),
            "flip p 0" => new Flip(p: 0),
            "rotate p 0" => new Rotate(maxDeg: 45, p: 0),
            _ => new Warp(magnitude: 0.3, p: 1, drawX: 0, drawY: 0),
        };
        var (result, _) = transform.Apply(x, Labels(3), training: true);
        Assert.True(MaxAbsDiff(result, x) < 1e-5f, name);
        if (!ReferenceEquals(result, x)) result.Dispose();
    }

    [Fact]
    public void A_full_turn_resamples_back_to_the_input()
    {
        // Rotation(360) is not bitwise the identity, so this goes through affine_grid + grid_sample: sampling exactly
        // at pixel centres with align_corners must return every pixel.
        Assert.False(AffineMatrix.Rotation(360).IsIdentity);
        using var x = RandomImages(2, 3, 6, 10, seed: 2);
        var (result, _) = new AffineCoordTransform([new FixedAffine(AffineMatrix.Rotation(360))], []).Apply(x, Labels(2), true);
        using (result) Assert.True(MaxAbsDiff(result, x) < 1e-5f);
    }

    [Fact]
    public void Zoom_2_shows_the_central_half_enlarged()
    {
        // Zoom 2 samples input column 1.75 + 0.5 j for output column j of 8 (align_corners): the centre 4x4 crop
        // (columns 2..5) upsampled x2 with half-pixel centres, which is interpolate(align_corners: false) away
        // from the border row/column where interpolate clamps.
        using var x = RandomImages(2, 1, 8, 8, seed: 3);
        using var rows = x.narrow(2, 2, 4);
        using var crop = rows.narrow(3, 2, 4);
        using var upscaled = nn.functional.interpolate(crop, scale_factor: [2, 2], mode: InterpolationMode.Bilinear, align_corners: false);
        var (result, _) = new Zoom(2, 2, p: 1, drawX: 0.5, drawY: 0.5).Apply(x, Labels(2), true);
        using (result)
        {
            using var centre = result.narrow(2, 1, 6).narrow(3, 1, 6);
            using var expected = upscaled.narrow(2, 1, 6).narrow(3, 1, 6);
            Assert.True(MaxAbsDiff(centre, expected) < 1e-5f);
        }
    }

    [Fact]
    public void Non_square_images_keep_right_angles()
    {
        // On a 4x8 image a quarter turn of the centre 4x4 block must still be a quarter turn in pixels; without the
        // aspect correction it would be stretched by 2 in one direction. fastai corrects by h/w, the ratio of the
        // pixel sizes when the grid spans pixel edges, so the turn is pixel-exact with align_corners false.
        using var x = RandomImages(1, 1, 4, 8, seed: 4);
        var t = new AffineCoordTransform([new Rotate(90, p: 1, draw: 90)], [], alignCorners: false);
        var (result, _) = t.Apply(x, Labels(1), true);
        using (result)
        {
            using var block = x.narrow(3, 2, 4);
            using var transposed = block.transpose(-2, -1);
            using var expected = transposed.flip(-1);
            using var centre = result.narrow(3, 2, 4);
            Assert.True(MaxAbsDiff(centre, expected) < 1e-4f);
        }
    }

    [Fact]
    public void Output_size_resizes_and_validation_only_resizes()
    {
        using var x = HorizontalGradient(2, 1, 6, 6);
        var t = new AffineCoordTransform([new Flip(1)], [], size: (3, 11));
        var (valid, _) = t.Apply(x, Labels(2), training: false);
        using (valid)
        {
            Assert.Equal(new long[] { 2, 1, 3, 11 }, valid.shape);
            using var expected = HorizontalGradient(2, 1, 3, 11);   // not flipped: validation is never augmented
            Assert.True(MaxAbsDiff(valid, expected) < 1e-5f);
        }
    }
}
