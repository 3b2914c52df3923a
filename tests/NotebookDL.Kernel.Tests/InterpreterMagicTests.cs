using NotebookDL.Display;

namespace NotebookDL.Kernel.Tests;

[Collection("interpreter")]
public class InterpreterMagicTests(InterpreterFixture fixture)
{
    [Fact]
    public void Time_runs_the_body_and_reports_wall_time()
    {
        var (outcome, output) = fixture.Run("#!time\nvar timed = 5;");
        Assert.True(outcome.Succeeded);
        Assert.StartsWith("Wall time:", output.Displays.Single().Bundle.Data[MimeBundle.TextPlain]);
        Assert.Equal("5", fixture.Run("timed").Output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Errors_under_a_magic_keep_the_cell_line_numbers()
    {
        var (outcome, _) = fixture.Run("#!time\nvar a = 1;\nint b = \"x\";");
        Assert.StartsWith("(3,9):", outcome.Error!.Value);
    }

    [Fact]
    public void Whos_lists_variables_with_type_and_value()
    {
        fixture.Run("var whosProbe = 12345;");
        var text = fixture.Run("#!whos").Output.Displays.Single().Bundle.Data[MimeBundle.TextPlain];
        Assert.Matches(@"whosProbe\s+int\s+12345", text);
    }

    [Fact]
    public void Seed_makes_Rng_reproducible()
    {
        var first = fixture.Run("#!seed 7\nRng.Next(1000000)").Output.Result!.Data[MimeBundle.TextPlain];
        var second = fixture.Run("#!seed 7\nRng.Next(1000000)").Output.Result!.Data[MimeBundle.TextPlain];
        Assert.Equal(first, second);
        Assert.Equal(new Random(7).Next(1000000).ToString(), first);
    }

    [Fact]
    public void Html_and_markdown_cells_display_their_body()
    {
        var html = fixture.Run("#!html\n<b>bold</b>").Output.Displays.Single().Bundle;
        Assert.Equal("<b>bold</b>", html.Data[MimeBundle.TextHtml]);
        var md = fixture.Run("#!markdown\n# Title").Output.Displays.Single().Bundle;
        Assert.Equal("# Title", md.Data[MimeBundle.TextMarkdown]);
    }

    [Fact]
    public void Unknown_magic_is_an_error_naming_the_available_ones()
    {
        var (outcome, _) = fixture.Run("#!nosuchmagic\n1");
        Assert.Equal("UnknownMagic", outcome.Error!.Name);
        Assert.Contains("#!lsmagic", outcome.Error.Value);
    }

    [Fact]
    public void Threads_rejects_a_bad_count_with_the_value()
    {
        var (outcome, _) = fixture.Run("#!threads zero");
        Assert.Equal("ArgumentException", outcome.Error!.Name);
        Assert.Contains("'zero'", outcome.Error.Value);
        Assert.Contains("0", fixture.Run("#!threads 0").Outcome.Error!.Value);
    }

    [Fact]
    public void Threads_sets_torch_threads_or_says_why_it_cannot()
    {
        var (outcome, output) = fixture.Run("#!threads 1");
        if (outcome.Succeeded)
            Assert.Equal("torch now uses 1 thread(s).", output.Displays.Single().Bundle.Data[MimeBundle.TextPlain]);
        else
            Assert.Matches("libtorch|notebookdl_native", outcome.Error!.Value); // the message names what is missing
    }
}
