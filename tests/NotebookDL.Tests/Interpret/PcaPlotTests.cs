using NotebookDL.Interpret;

namespace NotebookDL.Tests.Interpret;

public sealed class PcaPlotTests
{
    /// <summary>Rows whose first two principal components are (about) the given points: the points, padded with zeros.</summary>
    private static Tensor Rows(params (double X, double Y)[] points) =>
        torch.tensor(points.SelectMany(p => new[] { p.X, p.Y, 0.0 }).ToArray(), [points.Length, 3]);

    [Fact]
    public void Far_apart_points_are_all_labelled()
    {
        using var weights = Rows((-1, -1), (1, -1), (-1, 1), (1, 1), (0, 0));
        var labels = new[] { "a", "b", "c", "d", "e" };
        var figure = Pca.Plot(weights, labels, "five");
        Assert.Equal(labels, figure.Layout.Annotations.Select(a => a.Text).Order());
        Assert.Equal("five", figure.Layout.Title);
    }

    [Fact]
    public void A_crowd_keeps_one_label_the_extremes_keep_theirs_and_the_title_says_how_many()
    {
        // Twenty points within a hair of the centre, and four far out along both components.
        var crowd = Enumerable.Range(0, 20).Select(i => (1e-4 * i, 1e-4 * (i % 3))).ToArray();
        using var weights = Rows([.. crowd, (-5, 0.5), (5, -0.5), (0.3, 3), (-0.3, -3)]);
        var labels = Enumerable.Range(0, 20).Select(i => $"crowded {i}").Concat(["left end", "right end", "top", "bottom"]).ToArray();
        var figure = Pca.Plot(weights, labels, "crowd");
        var texts = figure.Layout.Annotations.Select(a => a.Text).ToList();
        Assert.Contains("left end", texts);
        Assert.Contains("right end", texts);
        Assert.Contains("top", texts);
        Assert.Contains("bottom", texts);
        Assert.Single(texts, t => t.StartsWith("crowded", StringComparison.Ordinal));
        Assert.Equal("crowd (5 of 24 labelled; the rest overlap)", figure.Layout.Title);
        Assert.Equal(24, ((NotebookDL.Display.Plotting.Scatter)figure.Data[0]).X.Count); // every point is still drawn
    }
}
