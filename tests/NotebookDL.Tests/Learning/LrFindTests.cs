using NotebookDL.Display;
using NotebookDL.Display.Plotting;
using NotebookDL.Learning;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

public class LrFindTests
{
    [Fact]
    public void LrFind_restores_weights_and_optimizer_and_suggests_rates_in_range()
    {
        var learn = MakeLearner(model: Mlp(batchNorm: true));
        learn.Fit(1, 1e-3); // give the optimizer state to restore
        var weights = Snapshot(learn.Model);
        var optState = learn.Opt!.state_dict().state.Values.SelectMany(s => s.Values).Select(t => t.ToArray<float>()).ToList();
        var lrs = learn.Lrs;

        var result = learn.LrFind(numIt: 60, showPlot: false);

        Assert.Equal(weights, Snapshot(learn.Model));
        Assert.Equal(optState, learn.Opt!.state_dict().state.Values.SelectMany(s => s.Values).Select(t => t.ToArray<float>()).ToList());
        Assert.Equal(lrs, learn.Lrs);
        foreach (var lr in new[] { result.Valley, result.Steep, result.Minimum * 10 })
            Assert.InRange(lr, 1e-7, 10);
        Assert.Contains(result.Valley, result.Lrs);
        Assert.Equal("Learning rate finder", result.Plot.Layout.Title);
        Assert.Equal(NotebookDL.Display.Plotting.AxisType.Log, result.Plot.Layout.XAxis.Type);
        Assert.Equal(3, result.Plot.Layout.VerticalLines.Count);
        // The sweep is exponential: consecutive recorded rates share one ratio.
        var rec = learn.Recorder.Lrs;
        Assert.Equal(rec[2] / rec[1], rec[11] / rec[10], 6);
    }

    [Fact]
    public void LrFind_stops_early_when_the_loss_diverges()
    {
        var learn = MakeLearner();
        learn.LrFind(startLr: 1e-4, endLr: 1e4, numIt: 100, showPlot: false);
        var recorded = learn.Recorder.Losses.Count;
        Assert.True(recorded < 100, $"expected an early stop, ran {recorded} iterations");
        Assert.True(learn.Recorder.Losses[^1] > 4 * learn.Recorder.Losses.Min() || double.IsNaN(learn.Recorder.Losses[^1]));

        learn.LrFind(startLr: 1e-4, endLr: 1e4, numIt: 100, stopDiv: false, showPlot: false);
        Assert.Equal(100, learn.Recorder.Losses.Count);
    }

    [Fact]
    public void Suggestion_functions_match_fastai_on_a_constructed_curve()
    {
        double[] lrs = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];
        double[] losses = [3.0, 2.9, 2.0, 1.0, 0.8, 1.5, 9.0];
        // Longest decreasing run: indices 0..4 (lengths 1..5), max_end 4, max_start = 4 - 5 = -1 -> sections 5/3,
        // idx = -1 + 1 + 0 = 0.
        Assert.Equal((1e-5, 0), LrSuggestions.Valley(lrs, losses));
        // Steepest: 2.9 -> 2.0 (-0.9 per decade) vs 2.0 -> 1.0 (-1.0): index 2.
        Assert.Equal((1e-3, 2), LrSuggestions.Steep(lrs, losses));
        Assert.Equal((1e-1 / 10, 4), LrSuggestions.Minimum(lrs, losses));
    }

    [Fact]
    public void Suggestion_markers_sit_on_the_plotted_curve()
    {
        var learn = MakeLearner(model: Mlp(batchNorm: true));
        var result = learn.LrFind(numIt: 60, showPlot: false);

        var markers = result.Plot.Data.OfType<Scatter>().Where(s => s.Mode == ScatterMode.Markers).ToList();
        Assert.Equal(3, markers.Count);
        foreach (var marker in markers)
        {
            var (x, y) = (marker.X.Single(), marker.Y.Single());
            Assert.InRange(x, result.Lrs[0], result.Lrs[^1]);
            // On the curve: between the losses of the two plotted points either side of the marker's rate.
            var right = result.Lrs.ToList().FindIndex(lr => lr >= x);
            var left = Math.Max(0, right - 1);
            Assert.InRange(y, Math.Min(result.Losses[left], result.Losses[right]) - 1e-12, Math.Max(result.Losses[left], result.Losses[right]) + 1e-12);
        }
    }

    [Fact]
    public void LossAt_interpolates_in_log_lr_and_clamps_at_the_ends()
    {
        double[] lrs = [1e-5, 1e-4, 1e-3, 1e-2];
        double[] losses = [3.0, 2.9, 2.0, 1.0];
        Assert.Equal(2.0, LrSuggestions.LossAt(lrs, losses, 1e-3), 12);
        Assert.Equal(1.5, LrSuggestions.LossAt(lrs, losses, Math.Pow(10, -2.5)), 12);
        Assert.Equal(3.0, LrSuggestions.LossAt(lrs, losses, 1e-9));
        Assert.Equal(1.0, LrSuggestions.LossAt(lrs, losses, 1));
    }

    [Fact]
    public void A_flat_curve_says_it_is_too_flat_to_suggest_a_rate()
    {
        Assert.Equal(0.5, LrSuggestions.Drop([2.0, 1.5, 1.0, 3.0]), 12);

        var learn = MakeLearner();
        // Rates far too small to move the weights: the loss stays where it started.
        var flat = learn.LrFind(startLr: 1e-12, endLr: 1e-11, numIt: 30, showPlot: false);
        Assert.True(flat.IsFlat, $"drop {flat.Drop}");
        Assert.Contains("too flat", flat.ToString());
        Assert.Contains("too flat", flat.Plot.Layout.Title);

        var useful = learn.LrFind(numIt: 60, showPlot: false);
        Assert.False(useful.IsFlat, $"drop {useful.Drop}");
        Assert.DoesNotContain("too flat", useful.ToString());
    }

    [Fact]
    public void LrFind_shows_its_plot_once_and_its_progress_ends_full()
    {
        var output = new StringWriter();
        var learn = MakeLearner();
        learn.AddCb(new ProgressCallback(new ProgressOptions { ConsoleOut = output }));
        var publisher = new ThreadPublisher();
        LrFindResult result;
        using (DisplayContext.Use(publisher)) result = learn.LrFind(startLr: 1e-7, endLr: 1e-3, numIt: 20);

        var display = learn.GetCallback<ProgressCallback>()!.Display!;
        Assert.Equal(20, display.Total);
        Assert.Equal(20, display.Value);
        Assert.DoesNotContain("interrupted", output.ToString());

        // A sweep that diverges ends early by design: its bar ends full, not "interrupted".
        output.GetStringBuilder().Clear();
        learn.LrFind(startLr: 1e-4, endLr: 1e4, numIt: 100, showPlot: false);
        display = learn.GetCallback<ProgressCallback>()!.Display!;
        Assert.True(display.Value < 100, $"expected the sweep to diverge early, it ran {display.Value} batches");
        Assert.Equal(display.Value, display.Total);
        Assert.DoesNotContain("interrupted", output.ToString());
        Assert.Single(publisher.Published, b => b.Data.ContainsKey("application/vnd.plotly.v1+json"));
        // The result a cell ends with is its text: the plot is not shown a second time.
        Assert.Equal([MimeBundle.TextPlain], Formatter.Format(result).Data.Keys);
        Assert.StartsWith("SuggestedLRs(valley=", Formatter.Format(result).Data[MimeBundle.TextPlain]);
    }
}
