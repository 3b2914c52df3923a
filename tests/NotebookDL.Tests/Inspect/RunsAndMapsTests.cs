using System.Xml.Linq;
using NotebookDL.Display.Plotting;
using NotebookDL.Inspect;
using NotebookDL.Learning;
using NotebookDL.Tests.Learning;

namespace NotebookDL.Tests.Inspect;

public sealed class RunsAndMapsTests
{
    [Fact]
    public void PlotRuns_draws_each_runs_training_dotted_and_validation_solid_in_one_colour()
    {
        var a = LearningFixtures.MakeLearner();
        a.Fit(2, 1e-2);
        var b = LearningFixtures.MakeLearner();
        b.Fit(1, 1e-3);
        var figure = Recorder.PlotRuns(("fast", a.Recorder), ("slow", b.Recorder));
        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["fast (train)", "fast", "slow (train)", "slow", "validation (solid)", "training (dotted)"], traces.Select(t => t.Name));
        Assert.Equal(a.Recorder.Losses, traces[0].Y);
        Assert.Equal(2, traces[1].Y.Count);
        Assert.Equal(traces[0].Color, traces[1].Color);
        Assert.NotEqual(traces[0].Color, traces[2].Color);
        Assert.Contains("\"dash\":\"dot\"", figure.ToPlotlyJson());

        // The legend names each run once (its validation line) plus the two style keys, each swatch drawn like its line.
        var svg = XDocument.Parse(figure.ToSvg());
        var legend = svg.Descendants().Single(e => (string?)e.Attribute("class") == "legend");
        Assert.Equal(["fast", "slow", "validation (solid)", "training (dotted)"],
            legend.Descendants().Where(e => (string?)e.Attribute("class") == "legend-text").Select(e => e.Value));
        var swatches = legend.Descendants().Where(e => (string?)e.Attribute("class") == "legend-line").ToList();
        Assert.Equal(4, swatches.Count);
        Assert.Null(swatches[0].Attribute("stroke-dasharray"));
        Assert.NotNull(swatches[3].Attribute("stroke-dasharray"));
        Assert.Equal(3, legend.Descendants().Count(e => (string?)e.Attribute("class") == "legend-marker"));
        Assert.Contains("\"showlegend\":false", figure.ToPlotlyJson());
    }

    [Fact]
    public void PlotRuns_fits_the_y_axis_to_the_losses_after_the_first_epoch()
    {
        var a = LearningFixtures.MakeLearner();
        a.Fit(3, 1e-2);
        var figure = Recorder.PlotRuns(("a", a.Recorder));
        var (min, max) = figure.Layout.YAxis.Range!.Value;
        var losses = a.Recorder.Losses;
        var valid = a.Recorder.Values.Select(v => v[1]).ToList();
        var lowest = losses.Concat(valid).Min();
        var highest = losses.Skip(a.Recorder.EpochIters[0] - 1).Concat(valid).Max();
        Assert.Equal(lowest - 0.06 * (highest - lowest), min, 9);
        Assert.Equal(highest + 0.06 * (highest - lowest), max, 9);
        // The fixture's first batches are above that band: the range really cuts them off.
        Assert.True(losses.Take(3).Max() > max, $"first losses {losses.Take(3).Max()} vs top {max}");
    }

    [Fact]
    public void PlotRuns_refuses_more_runs_than_colours_it_can_keep_apart()
    {
        var a = LearningFixtures.MakeLearner();
        a.Fit(1, 1e-2);
        var runs = Enumerable.Range(0, Recorder.MaxRunsPerPlot + 1).Select(i => ($"run {i}", a.Recorder)).ToArray();
        var error = Assert.Throws<ArgumentException>(() => Recorder.PlotRuns(runs));
        Assert.Contains($"got {Recorder.MaxRunsPerPlot + 1}", error.Message);
        Assert.Equal(2 * Recorder.MaxRunsPerPlot + 2, Recorder.PlotRuns(runs[..Recorder.MaxRunsPerPlot]).Data.Count);
    }

    [Fact]
    public void Kernels_and_feature_maps_show_as_image_grids()
    {
        using var scope = torch.NewDisposeScope();
        var model = nn.Sequential(nn.Conv2d(1, 5, 3, padding: 1), nn.ReLU(), nn.Flatten(), nn.Linear(5 * 64, 2));
        var kernels = FeatureMaps.ShowKernels(model[0]);
        Assert.True(kernels.Data.ContainsKey("image/png"));
        Assert.Equal(5, CountOf(kernels.Data["text/html"], "<figure"));
        var maps = FeatureMaps.ShowFeatureMaps(model, model[1], torch.rand(1, 8, 8), max: 3);
        Assert.Equal(3, CountOf(maps.Data["text/html"], "<figure"));
        Assert.Throws<ArgumentException>(() => FeatureMaps.ShowKernels(model[3]));
        Assert.Throws<ArgumentException>(() => FeatureMaps.ShowFeatureMaps(model, model[3], torch.rand(1, 8, 8)));
    }

    [Fact]
    public void A_grid_of_enlarged_pictures_never_runs_past_a_notebook_column()
    {
        using var scope = torch.NewDisposeScope();
        var model = nn.Sequential(nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU());
        var html = (string)FeatureMaps.ShowFeatureMaps(model, model[1], torch.rand(1, 28, 28)).Data["text/html"];
        var cols = int.Parse(System.Text.RegularExpressions.Regex.Match(html, @"repeat\((\d+),").Groups[1].Value);
        var width = int.Parse(System.Text.RegularExpressions.Regex.Match(html, "<img [^>]*width=\"(\\d+)\"").Groups[1].Value);
        Assert.Equal(112, width); // 28 px enlarged 4 times
        Assert.Equal(7, cols);    // 8 asked for; 7 x 112 px + gaps fit 860 px, 8 would not
        Assert.True(cols * width + (cols - 1) * 12 <= 860);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public void ImageGrid_shows_tensors_of_different_sizes_with_captions()
    {
        using var scope = torch.NewDisposeScope();
        var grid = NotebookDL.Vision.ImageGrid.Show([(torch.rand(1, 20, 30), "gray"), (torch.rand(3, 10, 10), "colour")], title: "two");
        Assert.True(grid.Data.ContainsKey("image/png"));
        Assert.Equal(2, CountOf(grid.Data["text/html"], "<figure"));
        Assert.Contains("colour", grid.Data["text/plain"]);
        Assert.Throws<ArgumentException>(() => NotebookDL.Vision.ImageGrid.Show([]));
    }
}
