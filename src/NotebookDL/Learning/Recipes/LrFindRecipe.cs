using NotebookDL.Display;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Learning;

/// <summary>fastai's learning-rate finder as a recipe over <see cref="LrFinderCallback"/>.</summary>
public static class LrFindRecipe
{
    /// <summary>
    /// Sweeps the learning rate exponentially from startLr to endLr over numIt training batches (stopping early when
    /// the loss diverges), then restores the model and optimizer, and suggests rates from the smoothed loss curve
    /// (valley, steep, minimum/10). The curve excludes the first numIt/10 and last 5 points, as fastai.
    /// </summary>
    /// <param name="learn">The learner.</param>
    /// <param name="startLr">First learning rate.</param>
    /// <param name="endLr">Last learning rate.</param>
    /// <param name="numIt">Training batches of the sweep (at least 6).</param>
    /// <param name="stopDiv">Stop once the smoothed loss exceeds 4x the best.</param>
    /// <param name="showPlot">Display the plot.</param>
    public static LrFindResult LrFind(this Learner learn, double? startLr = null, double? endLr = null, int? numIt = null,
        bool? stopDiv = null, bool? showPlot = null)
    {
        var d = LrFindOptions.Default;
        var (start, end, iterations) = (startLr ?? d.StartLr, endLr ?? d.EndLr, numIt ?? d.NumIt);
        if (!(start > 0 && end > start)) throw new ArgumentException($"LrFind needs 0 < startLr < endLr, got {start} and {end}.");
        var finder = new LrFinderCallback(start, end, iterations, stopDiv ?? d.StopDiv, d.DivergenceFactor);
        var batches = Math.Max(1, learn.Dls.Train.Count);
        var epochs = finder.NumIt / batches + 1;
        var logging = learn.Logging;
        learn.Logging = false;
        try
        {
            learn.Fit(epochs, cbs: [finder]);
        }
        finally
        {
            finder.Restore();
            learn.Logging = logging;
        }

        var recorder = learn.Recorder;
        var skipStart = finder.NumIt / 10;
        var count = recorder.Losses.Count - skipStart - 5;
        var lrs = recorder.Lrs.Skip(skipStart).Take(Math.Max(0, count)).ToList();
        var losses = recorder.Losses.Skip(skipStart).Take(Math.Max(0, count)).ToList();
        var firstNaN = losses.FindIndex(double.IsNaN);
        if (firstNaN >= 0) (lrs, losses) = (lrs[..firstNaN], losses[..firstNaN]);
        if (losses.Count < 2)
            throw new InvalidOperationException(
                $"LrFind recorded {recorder.Losses.Count} losses, too few to suggest a rate (the loss diverged at once, or numIt is small). Try a lower startLr or more iterations.");

        var valley = LrSuggestions.Valley(lrs, losses);
        var steep = LrSuggestions.Steep(lrs, losses);
        var minimum = LrSuggestions.Minimum(lrs, losses);
        var drop = LrSuggestions.Drop(losses);
        var plot = Plot(lrs, losses, [("valley", valley.Lr), ("steep", steep.Lr), ("minimum", minimum.Lr)], drop);
        var result = new LrFindResult(valley.Lr, steep.Lr, minimum.Lr, lrs, losses, plot, drop);
        // An action shows its outcome, as fastai's lr_find does; the result itself formats as text, so a cell ending
        // with it does not show the plot twice.
        if (showPlot ?? d.ShowPlot) Displayer.Display(plot);
        return result;
    }

    private static Figure Plot(List<double> lrs, List<double> losses, (string Name, double Lr)[] marks, double drop)
    {
        var title = drop < LrSuggestions.FlatDrop
            ? $"Learning rate finder: the loss falls only {drop:P1}, too flat to suggest a rate"
            : "Learning rate finder";
        var figure = new Figure
        {
            Layout = { Title = title, XAxis = { Title = "Learning Rate", Type = AxisType.Log }, YAxis = { Title = "Loss" } },
        };
        figure.Add(new Scatter(lrs, losses) { Name = "smoothed loss" });
        string[] colors = ["#d62728", "#2ca02c", "#9467bd"];
        for (var i = 0; i < marks.Length; i++)
        {
            var (name, lr) = marks[i];
            figure.Add(new Scatter([lr], [LrSuggestions.LossAt(lrs, losses, lr)], ScatterMode.Markers) { Name = $"{name}: {lr:G3}", Color = colors[i], MarkerSize = 10 });
            figure.AddVerticalLine(lr, name, colors[i]);
        }
        return figure;
    }
}
