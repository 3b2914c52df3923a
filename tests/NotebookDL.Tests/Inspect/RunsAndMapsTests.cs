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
        Assert.Equal(["fast train", "fast valid", "slow train", "slow valid"], figure.Data.Select(t => t.Name));
        var traces = figure.Data.Cast<NotebookDL.Display.Plotting.Scatter>().ToList();
        Assert.Equal(a.Recorder.Losses, traces[0].Y);
        Assert.Equal(2, traces[1].Y.Count);
        Assert.Equal(traces[0].Color, traces[1].Color);
        Assert.NotEqual(traces[0].Color, traces[2].Color);
        Assert.Contains("stroke-dasharray", figure.ToSvg());
        Assert.Contains("\"dash\":\"dot\"", figure.ToPlotlyJson());
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
