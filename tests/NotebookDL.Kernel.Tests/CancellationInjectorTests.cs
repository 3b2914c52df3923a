using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

public class CancellationInjectorTests
{
    private static int Count(string text) => text.Split(CancellationInjector.CheckCall).Length - 1;

    [Fact]
    public void Loop_bodies_and_method_bodies_get_a_check()
    {
        var cell = CancellationInjector.Instrument("while (true) { }\nint F(int n) { return n; }\nAction a = () => { };");
        Assert.Equal(3, Count(cell.Text));
    }

    [Fact]
    public void Single_statement_loop_body_becomes_a_block()
    {
        var cell = CancellationInjector.Instrument("for (;;) x++;");
        Assert.Contains("{ " + CancellationInjector.CheckCall + " x++; }", cell.Text);
    }

    [Fact]
    public void Instrumentation_never_adds_lines()
    {
        const string code = "var i = 0;\nwhile (i < 3)\n  i++;\ndo { i--; } while (i > 0);\nforeach (var c in \"ab\") { }";
        var cell = CancellationInjector.Instrument(code);
        Assert.Equal(code.Split('\n').Length, cell.Text.Split('\n').Length);
        Assert.Equal(3, Count(cell.Text));
    }

    [Fact]
    public void Positions_after_an_insertion_map_back_to_the_original()
    {
        const string code = "while (true) { int x = \"s\"; }";
        var cell = CancellationInjector.Instrument(code);
        int original = code.IndexOf("\"s\"", StringComparison.Ordinal);
        int instrumented = cell.Text.IndexOf("\"s\"", StringComparison.Ordinal);
        Assert.NotEqual(original, instrumented);
        Assert.Equal(original, cell.ToOriginal(instrumented));
        Assert.Equal(3, cell.ToOriginal(3)); // before any insertion: unchanged
    }
}
