using NotebookDL.Display;
using Interactive = Microsoft.DotNet.Interactive.Formatting;

namespace NotebookDL.Kernel.Tests;

/// <summary>
/// The API notebooks written for .NET Interactive call, in our kernel: Microsoft.DotNet.Interactive.Formatting's
/// Formatter.Register / SetPreferredMimeTypesFor / ToDisplayString / ResetToDefault, display(x) and x.Display() with
/// Update, HTML(...). The formatting package is the real one; these tests check our kernel honours it.
/// </summary>
[Collection("interpreter")]
public sealed class DotNetInteractiveCompatTests(InterpreterFixture fixture) : IDisposable
{
    public void Dispose() => Interactive.Formatter.ResetToDefault();

    [Fact]
    public void A_registered_html_formatter_shapes_the_cells_result_and_ResetToDefault_undoes_it()
    {
        var (outcome, output) = fixture.Run("record Planet(string Name, double Au);\n" +
            "Formatter.Register<Planet>(p => $\"<b>{p.Name}</b> at {p.Au} AU\", \"text/html\");\nnew Planet(\"Mars\", 1.52)");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal("<b>Mars</b> at 1.52 AU", output.Result!.Data[MimeBundle.TextHtml]);
        Assert.Contains("Mars", output.Result.Data[MimeBundle.TextPlain]);

        (outcome, output) = fixture.Run("Formatter.ResetToDefault();\nnew Planet(\"Venus\", 0.72)");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.DoesNotContain("<b>Venus</b>", output.Result!.Data.GetValueOrDefault(MimeBundle.TextHtml) ?? "");
    }

    [Fact]
    public void A_plain_text_formatter_and_preferred_mime_types_are_honoured()
    {
        var (outcome, output) = fixture.Run("record Moon(string Name);\n" +
            "Formatter.Register<Moon>((m, writer) => writer.Write($\"moon {m.Name}\"), \"text/plain\");\n" +
            "Formatter.SetPreferredMimeTypesFor(typeof(Moon), \"text/plain\");\nnew Moon(\"Io\")");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal("moon Io", output.Result!.Data[MimeBundle.TextPlain]);
        Assert.Equal([MimeBundle.TextPlain], output.Result.Data.Keys);
    }

    [Fact]
    public void ToDisplayString_is_the_packages_own()
    {
        var (outcome, output) = fixture.Run("new[] { 1, 2, 3 }.ToDisplayString(\"text/plain\")");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Contains(Interactive.Formatter.ToDisplayString(new[] { 1, 2, 3 }, "text/plain"), output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void Display_and_display_return_handles_that_update_in_place()
    {
        var (outcome, output) = fixture.Run("var shown = \"step 1\".Display();\nshown.Update(\"step 2\");\n" +
                                            "var other = display(HTML(\"<i>x</i>\"));\nother.Update(HTML(\"<i>y</i>\"));");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal(4, output.Displays.Count);
        Assert.Equal(output.Displays[0].Id, output.Displays[1].Id);
        Assert.True(output.Displays[1].Update);
        Assert.Contains("step 2", output.Displays[1].Bundle.Data[MimeBundle.TextPlain]);
        Assert.Equal("<i>y</i>", output.Displays[3].Bundle.Data[MimeBundle.TextHtml]);
        Assert.NotEqual(output.Displays[0].Id, output.Displays[2].Id);
    }

    [Fact]
    public void The_packages_own_Display_on_an_object_updates_its_display_in_place()
    {
        var (outcome, output) = fixture.Run("object boxed = \"first\";\nvar viaPackage = boxed.Display();\nviaPackage.Update(\"second\");");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal(2, output.Displays.Count);
        Assert.True(output.Displays[1].Update);
        Assert.Equal(output.Displays[0].Id, output.Displays[1].Id);
    }

    [Fact]
    public void NotebookDL_values_keep_their_own_formatting_through_Display()
    {
        var (outcome, output) = fixture.Run("torch.arange(6).reshape(2, 3).Display();");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal("tensor([[0, 1, 2],\n        [3, 4, 5]])", output.Displays.Single().Bundle.Data[MimeBundle.TextPlain]);
    }
}
