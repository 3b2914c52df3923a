using NotebookDL.Display;

namespace NotebookDL.Kernel.Tests;

/// <summary>ClearOutput() reaches the cell's publisher after earlier output; #!help fills the reply's pager pages.</summary>
[Collection("interpreter")]
public class ClearOutputAndPagerTests(InterpreterFixture fixture)
{
    [Fact]
    public void ClearOutput_is_published_with_its_wait_flag_after_flushing_stdout()
    {
        var (outcome, output) = fixture.Run("Console.Write(\"partial\"); ClearOutput(); ClearOutput(wait: true);");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal([false, true], output.Clears);
        Assert.Equal("partial", output.Stdout); // flushed before the clear, not after it
    }

    [Fact]
    public void Help_pages_the_documentation_without_displaying_it()
    {
        var (outcome, output) = fixture.Run("#!help Console.WriteLine");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Contains("WriteLine", outcome.Pages.Single().Data[MimeBundle.TextPlain]);
        Assert.Empty(output.Displays);
    }

    [Fact]
    public void Help_for_an_unknown_symbol_fails_and_pages_nothing()
    {
        var (outcome, _) = fixture.Run("#!help NoSuchSymbolAnywhere");
        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.Pages);
    }
}
