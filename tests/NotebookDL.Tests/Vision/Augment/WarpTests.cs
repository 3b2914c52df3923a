using NotebookDL.Vision.Augment;
using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>The perspective warp moves image corners to where the tilt parameters put them.</summary>
public class WarpTests
{
    [Fact]
    public void Perspective_maps_each_point_onto_its_partner()
    {
        (double X, double Y)[] from = [(-1, -1), (-1, 1), (1, -1), (1, 1)];
        (double X, double Y)[] to = [(-0.7, -1.2), (-1.1, 0.9), (0.8, -0.9), (1.3, 1.1)];
        var h = Perspective.FromPoints(from, to);
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var w = h[2, 0] * x + h[2, 1] * y + h[2, 2];
            Assert.Equal(to[i].X, (h[0, 0] * x + h[0, 1] * y + h[0, 2]) / w, 10);
            Assert.Equal(to[i].Y, (h[1, 0] * x + h[1, 1] * y + h[1, 2]) / w, 10);
        }
    }

    [Fact]
    public void A_negative_y_tilt_pulls_the_top_corners_inwards()
    {
        // yT = -0.5 puts the input's top corners (x = ±1) at x = ±0.5 of the output's top row: columns 1 and 3 of 5.
        using var x = WhiteRectangle(5, 0, 0, 0, 0);
        using var right = WhiteRectangle(5, 0, 0, 4, 4);
        using var corners = x.add(right);
        using var expectedLeft = WhiteRectangle(5, 0, 0, 1, 1);
        using var expectedRight = WhiteRectangle(5, 0, 0, 3, 3);
        using var expected = expectedLeft.add(expectedRight);
        var (result, _) = new Warp(magnitude: 0.5, p: 1, drawX: 0, drawY: -0.5).Apply(corners, Labels(1), training: true);
        using (result) Assert.True(MaxAbsDiff(result, expected) < 1e-5f);
    }

    [Fact]
    public void A_negative_x_tilt_pulls_the_left_corners_inwards()
    {
        // Symmetric case on the other axis: xT = -0.5 puts the input's left corners (y = ±1) at rows 1 and 3.
        using var top = WhiteRectangle(5, 0, 0, 0, 0);
        using var bottom = WhiteRectangle(5, 4, 4, 0, 0);
        using var corners = top.add(bottom);
        using var expectedTop = WhiteRectangle(5, 1, 1, 0, 0);
        using var expectedBottom = WhiteRectangle(5, 3, 3, 0, 0);
        using var expected = expectedTop.add(expectedBottom);
        var (result, _) = new Warp(magnitude: 0.5, p: 1, drawX: -0.5, drawY: 0).Apply(corners, Labels(1), training: true);
        using (result) Assert.True(MaxAbsDiff(result, expected) < 1e-5f);
    }
}
