using NotebookDL.Display.Plotting;

namespace NotebookDL.Learning;

// Plots of what the Recorder saw, as Display figures (Plotly JSON + SVG).
public sealed partial class Recorder
{
    /// <summary>Training loss per batch (smoothed) and validation loss per epoch, against the batch count.</summary>
    /// <param name="skipStart">Leading batches to leave out (the first losses dwarf the rest).</param>
    public Figure PlotLoss(int skipStart = 5)
    {
        var figure = new Figure { Layout = { Title = "Loss", XAxis = { Title = "batch" }, YAxis = { Title = "loss" } } };
        var start = Math.Min(skipStart, Losses.Count);
        figure.Add(new Scatter(Enumerable.Range(start, Losses.Count - start).Select(i => (double)i), Losses.Skip(start)) { Name = "train" });
        figure.Add(new Scatter(EpochIters.Select(i => (double)i), Values.Select(v => v[1]), ScatterMode.LinesAndMarkers) { Name = "valid" });
        return figure;
    }

    /// <summary>Learning rate (of the last group) per training batch.</summary>
    public Figure PlotLr() =>
        new Figure { Layout = { Title = "Learning rate", XAxis = { Title = "batch" }, YAxis = { Title = "lr" } } }
            .Add(new Scatter(Enumerable.Range(0, Lrs.Count).Select(i => (double)i), Lrs) { Name = "lr" });

    /// <summary>Each metric per epoch.</summary>
    public Figure PlotMetrics()
    {
        var figure = new Figure { Layout = { Title = "Metrics", XAxis = { Title = "epoch" } } };
        var names = MetricNames;
        // Values columns: 0 train_loss, 1 valid_loss, 2.. metrics; MetricNames has "epoch" first, hence +1.
        var columns = Values.FirstOrDefault()?.Length ?? 0;
        for (var c = 2; c < columns; c++)
        {
            var column = c;
            figure.Add(new Scatter(Enumerable.Range(0, Values.Count).Select(i => (double)i), Values.Select(v => v[column]), ScatterMode.LinesAndMarkers)
                { Name = names[column + 1] });
        }
        return figure;
    }

    /// <summary>Most runs <see cref="PlotRuns"/> draws in one figure: two lines each, in colours that stay tellable apart.</summary>
    public const int MaxRunsPerPlot = 6;

    /// <summary>
    /// Several runs' losses in one figure, to compare them (with and without dropout, weight decay, batch norm...):
    /// per run, in one colour, the smoothed training loss per batch (dotted) and the validation loss per epoch (solid,
    /// markers). The legend names each run once and shows the two line styles; the y axis spans the losses from the
    /// end of the first epoch on, so the first batches' high losses do not squash the band where runs differ.
    /// </summary>
    /// <param name="runs">(name, the run's Recorder), e.g. <c>("dropout 0.5", learn.Recorder)</c>; at most <see cref="MaxRunsPerPlot"/>.</param>
    public static Figure PlotRuns(params (string Name, Recorder Recorder)[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Length > MaxRunsPerPlot)
            throw new ArgumentException($"PlotRuns draws at most {MaxRunsPerPlot} runs in one figure, so that their colours can be told apart; " +
                $"got {runs.Length}. Plot them in groups, e.g. PlotRuns(runs[..{MaxRunsPerPlot}]) and PlotRuns(runs[{MaxRunsPerPlot}..]).", nameof(runs));
        var figure = new Figure { Layout = { Title = "Training and validation loss per run", Width = 760, Height = 420,
            XAxis = { Title = "training batch" }, YAxis = { Title = "loss", Range = LossRange(runs.Select(r => r.Recorder)) } } };
        for (var r = 0; r < runs.Length; r++)
        {
            var (name, recorder) = runs[r];
            var color = Palette.At(r);
            figure.Add(new Scatter(Enumerable.Range(0, recorder.Losses.Count).Select(i => (double)i), recorder.Losses)
                { Name = $"{name} (train)", ShowLegend = false, Color = color, Dash = "dot" });
            figure.Add(new Scatter(recorder.EpochIters.Select(i => (double)i), recorder.Values.Select(v => v[1]), ScatterMode.LinesAndMarkers)
                { Name = name, Color = color });
        }
        // Legend-only keys for the two line styles.
        figure.Add(new Scatter([], [], ScatterMode.LinesAndMarkers) { Name = "validation (solid)", Color = "#555" });
        figure.Add(new Scatter([], []) { Name = "training (dotted)", Color = "#555", Dash = "dot" });
        return figure;
    }

    /// <summary>
    /// The y range of <see cref="PlotRuns"/>: from the lowest loss to the highest validation loss or training loss
    /// after the first epoch, padded 6 %; null (fit everything) when a run has no epoch yet.
    /// </summary>
    internal static (double Min, double Max)? LossRange(IEnumerable<Recorder> recorders)
    {
        var all = new List<double>();
        var shown = new List<double>();
        foreach (var recorder in recorders)
        {
            if (recorder.EpochIters.Count == 0) return null;
            var valid = recorder.Values.Select(v => v[1]).ToList();
            all.AddRange(recorder.Losses);
            all.AddRange(valid);
            shown.AddRange(valid);
            shown.AddRange(recorder.Losses.Skip(recorder.EpochIters[0] - 1));
        }
        var finiteAll = all.Where(double.IsFinite).ToList();
        var finiteShown = shown.Where(double.IsFinite).ToList();
        if (finiteAll.Count == 0 || finiteShown.Count == 0) return null;
        double low = finiteAll.Min(), high = finiteShown.Max();
        if (high - low < 1e-12) return null;
        var pad = 0.06 * (high - low);
        return (low - pad, high + pad);
    }
}
