using NotebookDL.Display;

namespace NotebookDL.Display.Tests;

[Collection(GlobalDisplayState.Name)]
public class ProgressDisplayTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Notebook_updates_are_throttled_to_100ms_but_completion_always_renders()
    {
        var publisher = new RecordingPublisher();
        var clock = new ManualClock();
        var progress = new ProgressDisplay(1000, "fit", new ProgressOptions { Publisher = publisher, Clock = clock });
        Assert.Equal("publish", publisher.Calls.Single().Kind);

        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(10 * Ms); // 1000 steps over 10 s
            progress.Advance();
        }
        var updatesBeforeCompletion = publisher.Calls.Count(c => c.Kind == "update");
        Assert.InRange(updatesBeforeCompletion, 90, 100); // about one per 100 ms, not one per step

        progress.Complete();
        progress.Complete(); // idempotent
        var last = publisher.Calls[^1];
        Assert.Equal(updatesBeforeCompletion + 1, publisher.Calls.Count(c => c.Kind == "update"));
        Assert.Contains("1000/1000", last.Bundle.Data["text/plain"]);
        Assert.Contains("<progress value=\"1000\" max=\"1000\"", last.Bundle.Data["text/html"]);
        Assert.All(publisher.Calls, c => Assert.Equal(progress.DisplayId, c.Id));
    }

    [Fact]
    public void Status_shows_count_rate_and_eta_from_the_clock()
    {
        var clock = new ManualClock();
        var progress = new ProgressDisplay(100, null, new ProgressOptions { Publisher = new RecordingPublisher(), Clock = clock });
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Set(25); // 2.5 it/s, 75 left -> 30 s
        var text = progress.ToMimeBundle().Data["text/plain"];
        Assert.Contains("25%", text);
        Assert.Contains("25/100 [00:10<00:30, 2.50 it/s]", text);
    }

    [Fact]
    public void Rows_and_plot_appear_in_the_html()
    {
        var clock = new ManualClock();
        var progress = new ProgressDisplay(2, "fit", new ProgressOptions { Publisher = new RecordingPublisher(), Clock = clock });
        progress.AddRow(new Dictionary<string, object> { ["epoch"] = 0, ["train_loss"] = 0.5, ["time"] = TimeSpan.FromSeconds(75) });
        progress.AddPoint("train", 0, 0.9);
        progress.AddPoint("train", 1, 0.5);
        progress.AddPoint("valid", 1, 0.7);
        progress.Comment = "<loss>";
        var html = progress.ToMimeBundle().Data["text/html"];

        Assert.Contains("<th>train_loss</th>", html);
        Assert.Contains("<td>0.500000</td>", html);
        Assert.Contains("<td>01:15</td>", html);
        Assert.Contains("<svg", html);
        Assert.Contains("&lt;loss&gt;", html);
        Assert.Equal(2, progress.Plot!.Data.Count);
    }

    [Fact]
    public void Console_prints_at_most_one_line_per_second_plus_a_final_line()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        DisplayContext.Publisher = null;
        using (var progress = new ProgressDisplay(500, "prep", new ProgressOptions { ConsoleOut = output, Clock = clock }))
        {
            for (var i = 0; i < 500; i++)
            {
                clock.Advance(10 * Ms); // 5 s in total
                progress.Advance();
            }
        }
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 5, 6); // ~one per second + the final one
        Assert.All(lines, l => Assert.StartsWith("prep: ", l));
        Assert.Contains("500/500", lines[^1]);
        Assert.DoesNotContain("<", string.Join("", lines.Select(l => l.Replace("<00:", "")))); // plain text, no markup
    }

    [Fact]
    public void Console_rows_print_once_with_a_header()
    {
        var output = new StringWriter();
        DisplayContext.Publisher = null;
        var progress = new ProgressDisplay(1, null, new ProgressOptions { ConsoleOut = output, Clock = new ManualClock() });
        progress.AddRow(new Dictionary<string, object> { ["epoch"] = 0, ["accuracy"] = 0.9 });
        progress.AddRow(new Dictionary<string, object> { ["epoch"] = 1, ["accuracy"] = 0.95 });
        progress.Complete();
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["epoch  accuracy", "0  0.900000", "1  0.950000"], lines[..3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Interrupted_work_says_so_on_completion()
    {
        var publisher = new RecordingPublisher();
        var progress = new ProgressDisplay(10, null, new ProgressOptions { Publisher = publisher, Clock = new ManualClock() });
        progress.Advance(3);
        progress.Dispose();
        Assert.Contains("(interrupted)", publisher.Calls[^1].Bundle.Data["text/plain"]);
    }
}
