using NotebookDL.Display;

namespace NotebookDL.Kernel.Tests;

/// <summary>
/// A cell run again unchanged reuses its compiled submission only when that cannot change what it does: each run
/// still executes (side effects, fresh values, exceptions), and names declared later bind as a fresh compile would.
/// </summary>
[Collection("interpreter")]
public class RepeatedCellTests(InterpreterFixture fixture)
{
    private string Value(string code)
    {
        var (outcome, output) = fixture.Run(code);
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        return output.Result!.Data[MimeBundle.TextPlain];
    }

    [Fact]
    public void Every_run_of_a_repeated_cell_executes_it_again()
    {
        // A process-wide counter the cell bumps without declaring anything.
        const string cell = "AppDomain.CurrentDomain.SetData(\"repeated\", (int)(AppDomain.CurrentDomain.GetData(\"repeated\") ?? 0) + 1); AppDomain.CurrentDomain.GetData(\"repeated\")";
        var values = Enumerable.Range(0, 4).Select(_ => int.Parse(Value(cell))).ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => values[0] + i), values);

        var printed = Enumerable.Range(0, 3).Select(_ => fixture.Run("Console.WriteLine(\"side effect\")").Output.Stdout).ToList();
        Assert.All(printed, text => Assert.Equal("side effect\n", text));
    }

    [Fact]
    public void A_name_declared_later_binds_as_in_a_fresh_compile()
    {
        const string cell = "RepeatedTarget.Next(1, 2)";
        Assert.True(fixture.Run("static class RepeatedTarget { public static int Next(int a, int b) => a; }").Outcome.Succeeded);
        Assert.Equal("1", Value(cell));
        Assert.Equal("1", Value(cell));
        Assert.Equal("1", Value(cell));
        Assert.True(fixture.Run("class Fake { public int Next(int a, int b) => 42; } var RepeatedTarget = new Fake();").Outcome.Succeeded);
        Assert.Equal("42", Value(cell));
    }

    [Fact]
    public void A_cell_that_reads_a_variable_sees_its_current_value()
    {
        Assert.True(fixture.Run("var repeatedVariable = 1;").Outcome.Succeeded);
        Assert.Equal("1", Value("repeatedVariable"));
        Assert.Equal("1", Value("repeatedVariable"));
        Assert.True(fixture.Run("repeatedVariable = 5;").Outcome.Succeeded);
        Assert.Equal("5", Value("repeatedVariable"));
    }

    [Fact]
    public void A_repeated_cell_that_throws_fails_every_time()
    {
        for (var i = 0; i < 3; i++)
        {
            var (outcome, _) = fixture.Run("throw new InvalidOperationException(\"again\");");
            Assert.Equal("InvalidOperationException", outcome.Error?.Name);
            Assert.Contains("again", outcome.Error!.Value);
        }
        Assert.True(fixture.Run("2").Outcome.Succeeded);
    }
}
