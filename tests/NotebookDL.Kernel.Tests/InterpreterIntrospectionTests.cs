using NotebookDL.Display;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

[Collection("interpreter")]
public class InterpreterIntrospectionTests(InterpreterFixture fixture)
{
    [Fact]
    public void Completes_members_of_the_receiver_type()
    {
        const string code = "var words = new List<string>(); words.Ad";
        var result = fixture.Interpreter.Complete(code, code.Length);
        Assert.Contains("Add", result.Matches);
        Assert.Contains("AddRange", result.Matches);
        Assert.DoesNotContain("Clear", result.Matches);
        Assert.Equal(code.Length - 2, result.CursorStart);
    }

    [Fact]
    public void Completes_static_members_and_linq_extension_methods()
    {
        Assert.Contains("WriteLine", fixture.Interpreter.Complete("Console.Wr", 10).Matches);
        const string code = "new[] { 1, 2 }.Whe";
        Assert.Equal(["Where"], fixture.Interpreter.Complete(code, code.Length).Matches);
    }

    [Fact]
    public void Completes_variables_from_earlier_cells_and_keywords()
    {
        fixture.Run("var completionTarget = 1;");
        Assert.Contains("completionTarget", fixture.Interpreter.Complete("completionT", 11).Matches);
        Assert.Contains("foreach", fixture.Interpreter.Complete("forea", 5).Matches);
    }

    [Fact]
    public void Cursor_after_an_emoji_round_trips_through_code_points()
    {
        const string code = "var s = \"😀\"; s.Len";
        int cursorCodePoints = CodePoints.FromUtf16(code, code.Length); // what a 5.2+ client sends
        Assert.Equal(code.Length - 1, cursorCodePoints);
        var result = fixture.Interpreter.Complete(code, CodePoints.ToUtf16(code, cursorCodePoints));
        Assert.Contains("Length", result.Matches);
        Assert.Equal(cursorCodePoints - 3, CodePoints.FromUtf16(code, result.CursorStart));
    }

    [Fact]
    public void Inspect_shows_signature_and_xml_summary()
    {
        var result = fixture.Interpreter.Inspect("Math.Sqrt(2)", 7, 0);
        Assert.True(result.Found);
        var text = result.Data!.Data[MimeBundle.TextPlain];
        Assert.Contains("double System.Math.Sqrt(double d)", text);
        Assert.Contains("square root", text);
    }

    [Fact]
    public void Inspect_shows_the_type_of_an_earlier_variable()
    {
        fixture.Run("var inspected = new Dictionary<string, int>();");
        var result = fixture.Interpreter.Inspect("inspected", 3, 0);
        Assert.Contains("Dictionary<string, int> inspected", result.Data!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Inspect_on_nothing_is_not_found()
    {
        Assert.False(fixture.Interpreter.Inspect("   ", 1, 0).Found);
    }

    [Theory]
    [InlineData("var x = 1;", CompletenessStatus.Complete)]
    [InlineData("Console.WriteLine(1)", CompletenessStatus.Complete)]
    [InlineData("for (int i = 0; i < 3; i++) {", CompletenessStatus.Incomplete)]
    [InlineData("var s = \"abc", CompletenessStatus.Incomplete)]
    [InlineData("int x = ;", CompletenessStatus.Invalid)]
    [InlineData("var x = 1 +;", CompletenessStatus.Invalid)]
    [InlineData("#!time\nvar y = 2;", CompletenessStatus.Complete)]
    [InlineData("var = ;)", CompletenessStatus.Invalid)]                      // no further line can close nothing
    [InlineData("Console.WriteLine(1))", CompletenessStatus.Invalid)]
    [InlineData("var a = new[] { (1 + 2] ", CompletenessStatus.Invalid)]     // ']' where ')' is open
    [InlineData("var a = new[] { 1, (2", CompletenessStatus.Incomplete)]
    [InlineData("var s = \"a)b\"; var c = ')';", CompletenessStatus.Complete)] // brackets inside literals do not count
    public void Is_complete_classifies_code(string code, CompletenessStatus expected)
    {
        Assert.Equal(expected, fixture.Interpreter.IsComplete(code).Status);
    }

    [Fact]
    public void Incomplete_code_gets_an_indent_per_open_block()
    {
        var result = fixture.Interpreter.IsComplete("if (true) {\n  while (x) {");
        Assert.Equal(CompletenessStatus.Incomplete, result.Status);
        Assert.Equal("        ", result.Indent);
    }
}
