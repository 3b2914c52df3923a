using NotebookDL.Display;

namespace NotebookDL.Display.Tests;

[Collection(GlobalDisplayState.Name)]
public class DisplayTests
{
    [Fact]
    public void Display_publishes_a_formatted_bundle_and_update_reuses_the_id()
    {
        var publisher = new RecordingPublisher();
        using (DisplayContext.Use(publisher))
        {
            var handle = new[] { 1, 2, 3 }.Display();
            handle.Update("done");

            Assert.Equal(2, publisher.Calls.Count);
            Assert.Equal("publish", publisher.Calls[0].Kind);
            Assert.True(publisher.Calls[0].Bundle.Data.ContainsKey("text/html"));
            Assert.Equal("update", publisher.Calls[1].Kind);
            Assert.Equal("done", publisher.Calls[1].Bundle.Data["text/plain"]);
            Assert.Equal(handle.DisplayId, publisher.Calls[0].Id);
            Assert.Equal(handle.DisplayId, publisher.Calls[1].Id);
        }
    }

    [Fact]
    public void Two_displays_get_different_ids()
    {
        var publisher = new RecordingPublisher();
        using (DisplayContext.Use(publisher))
        {
            Assert.NotEqual(Displayer.Display(1).DisplayId, Displayer.Display(2).DisplayId);
        }
    }

    [Fact]
    public void Use_restores_the_previous_publisher()
    {
        var outer = new RecordingPublisher();
        var inner = new RecordingPublisher();
        using (DisplayContext.Use(outer))
        {
            using (DisplayContext.Use(inner)) Assert.Same(inner, DisplayContext.Publisher);
            Assert.Same(outer, DisplayContext.Publisher);
        }
        Assert.Null(DisplayContext.Publisher);
    }

    [Fact]
    public void Without_a_publisher_text_goes_to_the_console()
    {
        var previous = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            DisplayContext.Publisher = null;
            var handle = Displayer.Display(new Dictionary<string, int> { ["epochs"] = 3 });
            handle.Update(42);
        }
        finally
        {
            Console.SetOut(previous);
        }
        var lines = captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("[epochs] = 3", lines[0]);
        Assert.DoesNotContain("<table", lines[0]);
        Assert.Equal("42", lines[1]);
    }
}
