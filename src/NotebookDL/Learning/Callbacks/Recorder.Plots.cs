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

    /// <summary>
    /// Several runs' losses in one figure, to compare them (with and without dropout, weight decay, batch norm...):
    /// per run, the smoothed training loss per batch (dotted) and the validation loss per epoch (solid, markers), in
    /// one colour per run.
    /// </summary>
    /// <param name="runs">(name, the run's Recorder), e.g. <c>("dropout 0.5", learn.Recorder)</c>.</param>
    public static Figure PlotRuns(params (string Name, Recorder Recorder)[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var figure = new Figure { Layout = { Title = "Training (dotted) and validation (solid) loss per run", XAxis = { Title = "training batch" }, YAxis = { Title = "loss" } } };
        for (var r = 0; r < runs.Length; r++)
        {
            var (name, recorder) = runs[r];
            var color = Palette.At(r);
            figure.Add(new Scatter(Enumerable.Range(0, recorder.Losses.Count).Select(i => (double)i), recorder.Losses) { Name = $"{name} train", Color = color, Dash = "dot" });
            figure.Add(new Scatter(recorder.EpochIters.Select(i => (double)i), recorder.Values.Select(v => v[1]), ScatterMode.LinesAndMarkers) { Name = $"{name} valid", Color = color });
        }
        return figure;
    }
}

