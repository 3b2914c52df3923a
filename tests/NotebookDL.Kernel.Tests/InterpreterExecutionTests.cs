using NotebookDL.Display;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

[Collection("interpreter")]
public class InterpreterExecutionTests(InterpreterFixture fixture)
{
    [Fact]
    public void Variables_and_types_persist_across_cells()
    {
        Assert.True(fixture.Run("var persisted = 40; record Point(int X, int Y);").Outcome.Succeeded);
        var (outcome, output) = fixture.Run("persisted + new Point(1, 1).X + 1");
        Assert.True(outcome.Succeeded);
        Assert.Equal("42", output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Statements_produce_no_result_and_expressions_do()
    {
        Assert.Null(fixture.Run("var noResult = 3;").Output.Result);
        Assert.Null(fixture.Run("Console.WriteLine(\"x\");").Output.Result);
        Assert.Contains("text", fixture.Run("\"text\"").Output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Compile_errors_report_line_and_column_in_the_cell()
    {
        // Line 3 sits inside an instrumented loop: the column must still be the user's.
        var (outcome, _) = fixture.Run("var ok = 1;\nwhile (ok > 5) {\n    int bad = \"s\";\n}");
        Assert.Equal("CompilationError", outcome.Error!.Name);
        Assert.StartsWith("(3,15): error CS0029", outcome.Error.Value);
    }

    [Fact]
    public void Runtime_errors_give_type_message_and_only_user_frames()
    {
        var (outcome, output) = fixture.Run("int Divide(int a, int b) { return a / b; }\nvar zero = 0;\nDivide(1, zero)");
        var error = outcome.Error!;
        Assert.Same(error, output.LastError);
        Assert.Equal("DivideByZeroException", error.Name);
        Assert.Equal("Attempted to divide by zero.", error.Value);
        Assert.Contains(error.Traceback, l => l.Contains("Divide(Int32, Int32)") && l.Contains("In[") && l.Contains("line 1"));
        Assert.Contains(error.Traceback, l => l.Contains("<cell>") && l.Contains("line 3"));
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis") || l.Contains("NotebookDL.Kernel"));
    }

    [Fact]
    public void A_failing_cell_keeps_what_it_defined_before_throwing_and_the_next_cell_runs()
    {
        Assert.False(fixture.Run("var beforeThrow = 7; throw new InvalidOperationException(\"boom\");").Outcome.Succeeded);
        var (outcome, output) = fixture.Run("beforeThrow * 6");
        Assert.True(outcome.Succeeded);
        Assert.Equal("42", output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Theory]
    [InlineData("int Deep(int n) => Deep(n + 1) + 1;\nDeep(0)", "Deep(Int32)")]                         // the cell
    [InlineData("void Down(long n) { Down(n + 1); }\nDown(0);", "Down(Int64)")]
    [InlineData("Func<int, int> f = null!;\nf = n => { return f(n + 1); };\nf(0)", "<cell>")]
    public void Runaway_recursion_is_an_error_in_the_cell_and_the_kernel_keeps_its_state(string cell, string frame)
    {
        Assert.True(fixture.Run("var keptAcrossTheOverflow = 41;").Outcome.Succeeded);
        var (outcome, output) = fixture.Run(cell);
        Assert.False(outcome.Succeeded);
        var error = output.LastError!;
        Assert.Equal(nameof(InsufficientExecutionStackException), error.Name);
        Assert.Contains("recursion", error.Value);
        // The thousands of identical frames come back as one line and a count, as Python prints them.
        Assert.True(error.Traceback.Count < 20, string.Join("\n", error.Traceback));
        Assert.Contains(error.Traceback, l => l.Contains(frame));
        Assert.Contains(error.Traceback, l => l.Contains("repeated") && l.Contains("more times"));
        Assert.Equal("42", fixture.Run("keptAcrossTheOverflow + 1").Output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Deep_but_finite_recursion_still_runs()
    {
        // 20,000 frames: deeper than Python's default limit of 1,000, well inside the 8 MB bound.
        var (outcome, output) = fixture.Run("int Sum(int n) => n == 0 ? 0 : 1 + Sum(n - 1);\nSum(20_000)");
        Assert.True(outcome.Succeeded, output.LastError?.Value);
        Assert.Equal("20000", output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Console_output_streams_while_the_cell_runs()
    {
        var started = DateTime.UtcNow;
        var (_, output) = fixture.Run("Console.WriteLine(\"early\"); System.Threading.Thread.Sleep(600); Console.WriteLine(\"late\");");
        var early = output.Events.First(e => e.Text.Contains("early"));
        var late = output.Events.First(e => e.Text.Contains("late"));
        Assert.True(late.At - early.At > TimeSpan.FromMilliseconds(400), "'early' must be sent before the sleep, not at the end");
    }

    [Fact]
    public void Display_and_update_reach_the_publisher_with_one_display_id()
    {
        var (outcome, output) = fixture.Run("var handle = Display(\"first\"); handle.Update(\"second\");");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal(2, output.Displays.Count);
        Assert.False(output.Displays[0].Update);
        Assert.True(output.Displays[1].Update);
        Assert.NotNull(output.Displays[0].Id);
        Assert.Equal(output.Displays[0].Id, output.Displays[1].Id);
        Assert.Contains("second", output.Displays[1].Bundle.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void ReadLine_asks_the_client_with_the_pending_prompt()
    {
        var (outcome, output) = fixture.Run("Console.Write(\"Name? \"); var name = Console.ReadLine(); name.ToUpper()", allowStdin: true, answers: "ada");
        Assert.True(outcome.Succeeded);
        Assert.Equal("Name? ", Assert.Single(output.Prompts));
        Assert.Contains("ADA", output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void ReadLine_without_stdin_fails_with_a_clear_message()
    {
        var (outcome, _) = fixture.Run("Console.ReadLine()", allowStdin: false);
        Assert.Equal("InvalidOperationException", outcome.Error!.Name);
        Assert.Contains("does not accept input", outcome.Error.Value);
    }

    [Fact]
    public void User_expressions_are_evaluated_after_the_cell()
    {
        var (outcome, _) = fixture.Run("var ue = 21;", expressions: new Dictionary<string, string> { ["twice"] = "ue * 2", ["broken"] = "ue.Nope" });
        Assert.Equal("42", outcome.UserExpressions["twice"].Value!.Data[MimeBundle.TextPlain]);
        Assert.Equal("CompilationError", outcome.UserExpressions["broken"].Error!.Name);
    }

    [Fact]
    public void Reference_directive_loads_an_assembly_from_a_path()
    {
        var path = typeof(System.Xml.Linq.XDocument).Assembly.Location;
        var (outcome, output) = fixture.Run($"#r \"{path}\"\nnew System.Xml.Linq.XElement(\"tag\").ToString()");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Contains("<tag />", output.Result!.Data[MimeBundle.TextPlain]);
        // Regression: after a #r, Roslyn could bind a second NotebookDL.Display and make Display(x) ambiguous.
        var (after, _) = fixture.Run("Display(1);");
        Assert.True(after.Succeeded, after.Error?.Value);
    }

    [Fact]
    public void Unknown_nuget_package_fails_with_a_clear_error_and_the_kernel_goes_on()
    {
        var (outcome, _) = fixture.Run("#r \"nuget: NotebookDL.Does.Not.Exist.Zz, 9.9.9\"\n1");
        Assert.Equal("NuGetError", outcome.Error!.Name);
        Assert.Contains("NotebookDL.Does.Not.Exist.Zz", outcome.Error.Value);
        Assert.True(fixture.Run("2").Outcome.Succeeded);
    }
}
