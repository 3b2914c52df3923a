using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

public class CellInstrumenterTests
{
    private static int Count(string text, string call = CellInstrumenter.CheckInTaskCall) => text.Split(call).Length - 1;

    [Fact]
    public void Loop_bodies_get_a_check_and_method_bodies_a_stack_guard()
    {
        var cell = CellInstrumenter.Instrument("while (true) { }\nint F(int n) { return n; }\nAction a = () => { };");
        Assert.Equal(1, Count(cell.Text));
        Assert.Equal(2, Count(cell.Text, CellInstrumenter.EnterCall));
    }

    [Theory]
    [InlineData("int F(int n) => n + 1;", "int F(int n) /*=>*/ { " + CellInstrumenter.EnterCall + " return n + 1; }")]
    [InlineData("void G() => Console.WriteLine();", "void G() /*=>*/ { " + CellInstrumenter.EnterCall + " Console.WriteLine(); }")]
    [InlineData("async System.Threading.Tasks.Task H() => await Task.Yield();", "async System.Threading.Tasks.Task H() /*=>*/ { " + CellInstrumenter.EnterCall + " await Task.Yield(); }")]
    [InlineData("async Task<int> K() => await Task.FromResult(1);", "async Task<int> K() /*=>*/ { " + CellInstrumenter.EnterCall + " return await Task.FromResult(1); }")]
    public void Expression_bodies_become_guarded_blocks(string code, string expected)
    {
        var cell = CellInstrumenter.Instrument(code);
        Assert.Equal(expected, cell.Text);
        // The user's characters map back to where they were.
        Assert.Equal(code.LastIndexOf(';'), cell.ToOriginal(cell.Text.LastIndexOf(';')));
    }

    [Fact]
    public void Single_statement_loop_body_becomes_a_block()
    {
        var cell = CellInstrumenter.Instrument("for (;;) x++;");
        Assert.Contains("{ " + CellInstrumenter.CheckInTaskCall + " x++; }", cell.Text);
    }

    [Theory]
    [InlineData("while (true) { }", true)]                                            // the cell's own code
    [InlineData("await Task.Yield(); for (;;) { }", true)]
    [InlineData("async Task Spin() { while (true) { } }", false)]                     // may be waited on a bare thread
    [InlineData("async void Spin() { while (true) { } }", false)]                     // would be thrown on the pool
    [InlineData("void Spin() { while (true) { } }", false)]
    [InlineData("new Thread(() => { while (true) { } }).Start();", false)]
    [InlineData("Task.Run(async () => { while (true) { } });", false)]
    [InlineData("class C { public async Task M() { while (true) { } } }", false)]
    public void Only_the_cells_own_loops_check_on_any_thread(string code, bool inTask)
    {
        var text = CellInstrumenter.Instrument(code).Text;
        Assert.Equal(inTask ? 1 : 0, Count(text, CellInstrumenter.CheckInTaskCall));
        Assert.Equal(inTask ? 0 : 1, Count(text, CellInstrumenter.CheckCall));
    }

    [Fact]
    public void Instrumentation_never_adds_lines()
    {
        const string code = "var i = 0;\nwhile (i < 3)\n  i++;\ndo { i--; } while (i > 0);\nforeach (var c in \"ab\") { }";
        var cell = CellInstrumenter.Instrument(code);
        Assert.Equal(code.Split('\n').Length, cell.Text.Split('\n').Length);
        Assert.Equal(3, Count(cell.Text));
    }

    [Fact]
    public void Positions_after_an_insertion_map_back_to_the_original()
    {
        const string code = "while (true) { int x = \"s\"; }";
        var cell = CellInstrumenter.Instrument(code);
        int original = code.IndexOf("\"s\"", StringComparison.Ordinal);
        int instrumented = cell.Text.IndexOf("\"s\"", StringComparison.Ordinal);
        Assert.NotEqual(original, instrumented);
        Assert.Equal(original, cell.ToOriginal(instrumented));
        Assert.Equal(3, cell.ToOriginal(3)); // before any insertion: unchanged
    }
}
