using System.Text;
using NotebookDL.Display.Formatting;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Display;

/// <summary>
/// A live progress report for long work (fit, lr_find, data preparation): bar, count, rate and ETA, an optional
/// table of per-epoch rows and an optional live line plot. In a notebook it replaces its own output in place at
/// most every <see cref="ProgressOptions.NotebookInterval"/>; on a console it prints a line at most every
/// <see cref="ProgressOptions.ConsoleInterval"/>. Completion (or disposal) always renders the final state.
/// <example><code>
/// using var progress = new ProgressDisplay(batches, "epoch 1");
/// foreach (var batch in loader) { Train(batch); progress.Advance(); }
/// </code></example>
/// </summary>
public sealed class ProgressDisplay : IDisposable
{
    private readonly object gate = new();
    private readonly ProgressOptions options;
    private readonly IDisplayPublisher? publisher;
    private readonly TextWriter? consoleOut;
    private readonly string displayId = Displayer.NewDisplayId();
    private readonly long startTimestamp;
    private readonly List<IReadOnlyDictionary<string, object?>> rows = [];
    private readonly List<string> columns = [];
    private long lastRenderTimestamp;
    private int value;
    private int total;
    private string? comment;
    private Figure? plot;
    private bool completed;
    private int consoleRowsPrinted;

    /// <summary>Starts a progress display over <paramref name="total"/> steps.</summary>
    /// <param name="total">Number of steps; must not be negative.</param>
    /// <param name="description">Shown before the bar, e.g. "epoch 1/3".</param>
    /// <param name="options">Publisher, clock and intervals; null uses the defaults.</param>
    public ProgressDisplay(int total, string? description = null, ProgressOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        this.total = total;
        Description = description;
        this.options = options ?? new ProgressOptions();
        publisher = this.options.Publisher ?? DisplayContext.Publisher;
        consoleOut = this.options.ConsoleOut;
        startTimestamp = lastRenderTimestamp = this.options.Clock.GetTimestamp();
        // A notebook shows the bar straight away; a console stays quiet until there is something to say.
        publisher?.Publish(BuildBundle(), displayId);
    }

    /// <summary>
    /// Steps in all. Work whose length is only known as it goes (epochs of a varying number of batches) sets a better
    /// estimate as it learns it, so the bar never runs past its end.
    /// </summary>
    public int Total
    {
        get
        {
            lock (gate) return total;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (gate)
            {
                total = value;
                RenderThrottled();
            }
        }
    }
    public string? Description { get; }

    /// <summary>Steps done so far.</summary>
    public int Value
    {
        get
        {
            lock (gate) return value;
        }
    }

    /// <summary>Free text after the status (e.g. the current loss). Setting it refreshes the display (throttled).</summary>
    public string? Comment
    {
        get
        {
            lock (gate) return comment;
        }
        set
        {
            lock (gate)
            {
                comment = value;
                RenderThrottled();
            }
        }
    }

    /// <summary>The rows added with <see cref="AddRow"/>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows
    {
        get
        {
            lock (gate) return [.. rows];
        }
    }

    /// <summary>The live plot, or null until the first <see cref="AddPoint"/>.</summary>
    public Figure? Plot
    {
        get
        {
            lock (gate) return plot;
        }
    }

    /// <summary>The Jupyter display id this progress updates.</summary>
    public string DisplayId => displayId;

    public bool IsCompleted
    {
        get
        {
            lock (gate) return completed;
        }
    }

    /// <summary>Moves forward by <paramref name="steps"/>.</summary>
    public void Advance(int steps = 1)
    {
        lock (gate)
        {
            value += steps;
            RenderThrottled();
        }
    }

    /// <summary>Jumps to step <paramref name="step"/>.</summary>
    public void Set(int step)
    {
        lock (gate)
        {
            value = step;
            RenderThrottled();
        }
    }

    /// <summary>
    /// Adds a table row (e.g. epoch, train_loss, valid_loss, accuracy, time). Columns are the union of keys in
    /// order of first appearance. On the console each row is printed at once: rows are rare and worth keeping.
    /// </summary>
    public void AddRow(IDictionary<string, object> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (gate)
        {
            rows.Add(row.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
            foreach (var key in row.Keys.Where(k => !columns.Contains(k))) columns.Add(key);
            if (publisher is null) PrintNewRows();
            else RenderThrottled();
        }
    }

    /// <summary>Adds a point to the named series of the live plot (one line per series).</summary>
    public void AddPoint(string series, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(series);
        lock (gate)
        {
            plot ??= new Figure { Layout = { Title = options.PlotTitle, Width = 480, Height = 300, XAxis = { Title = options.PlotXTitle } } };
            var trace = plot.Data.OfType<Scatter>().FirstOrDefault(s => s.Name == series);
            if (trace is null)
            {
                trace = new Scatter { Name = series };
                plot.Add(trace);
            }
            trace.Add(x, y);
            RenderThrottled();
        }
    }

    /// <summary>Marks the work finished and renders the final state (always, regardless of throttling). Idempotent.</summary>
    public void Complete()
    {
        lock (gate)
        {
            if (completed) return;
            completed = true;
            Render();
        }
    }

    /// <summary>Same as <see cref="Complete"/>, so <c>using var progress = ...</c> always ends with a final render.</summary>
    public void Dispose() => Complete();

    /// <summary>The current state as a bundle (HTML progress bar, table, plot; text/plain line).</summary>
    public MimeBundle ToMimeBundle()
    {
        lock (gate) return BuildBundle();
    }

    // Callers hold the lock.
    private void RenderThrottled()
    {
        if (completed) return;
        var interval = publisher is null ? options.ConsoleInterval : options.NotebookInterval;
        if (options.Clock.GetElapsedTime(lastRenderTimestamp) < interval) return;
        Render();
    }

    private void Render()
    {
        lastRenderTimestamp = options.Clock.GetTimestamp();
        if (publisher is not null)
        {
            publisher.Update(BuildBundle(), displayId);
            return;
        }
        PrintNewRows();
        (consoleOut ?? Console.Out).WriteLine(StatusLine());
    }

    private string StatusLine()
    {
        var elapsed = options.Clock.GetElapsedTime(startTimestamp);
        var line = new StringBuilder();
        if (Description is not null) line.Append(Description).Append(": ");
        line.Append(ProgressText.Percent(value, total)).Append("% ")
            .Append(ProgressText.Bar(value, total)).Append(' ')
            .Append(ProgressText.Status(value, total, elapsed));
        if (!string.IsNullOrEmpty(comment)) line.Append(' ').Append(comment);
        if (completed && value < total) line.Append(" (interrupted)");
        return line.ToString();
    }

    private void PrintNewRows()
    {
        var writer = consoleOut ?? Console.Out;
        if (consoleRowsPrinted == 0 && rows.Count > 0) writer.WriteLine(string.Join("  ", columns));
        for (; consoleRowsPrinted < rows.Count; consoleRowsPrinted++)
        {
            var row = rows[consoleRowsPrinted];
            writer.WriteLine(string.Join("  ", columns.Select(c => ProgressText.Cell(row.GetValueOrDefault(c)))));
        }
    }

    private MimeBundle BuildBundle()
    {
        var status = StatusLine();
        var html = new StringBuilder("<div class=\"nbdl-progress\">");
        if (Description is not null) html.Append("<span>").Append(Html.Escape(Description)).Append("</span> ");
        html.Append($"<progress value=\"{Math.Clamp(value, 0, total)}\" max=\"{total}\" style=\"width:300px;vertical-align:middle\"></progress> ")
            .Append($"<span>{ProgressText.Percent(value, total)}% ")
            .Append(Html.Escape(ProgressText.Status(value, total, options.Clock.GetElapsedTime(startTimestamp))));
        if (!string.IsNullOrEmpty(comment)) html.Append(' ').Append(Html.Escape(comment));
        html.Append("</span>");

        var plain = new StringBuilder(status);
        if (rows.Count > 0)
        {
            var table = new HtmlTable(columns);
            foreach (var row in rows) table.AddRow(columns.Select(c => ProgressText.Cell(row.GetValueOrDefault(c))).ToList());
            html.Append(table.ToHtml());
            plain.Append('\n').Append(string.Join("  ", columns));
            foreach (var row in rows) plain.Append('\n').Append(string.Join("  ", columns.Select(c => ProgressText.Cell(row.GetValueOrDefault(c)))));
        }
        // The plot is inlined as SVG: one HTML output can hold bar, table and plot, and it renders offline.
        if (plot is not null) html.Append(plot.ToSvg());
        html.Append("</div>");
        return MimeBundle.PlainText(plain.ToString()).With(MimeBundle.TextHtml, html.ToString());
    }
}
