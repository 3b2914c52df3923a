using NotebookDL.Display;
using NotebookDL.Display.Formatting;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Magics;

/// <summary><c>#!who</c> (variable names) and <c>#!whos</c> (name, type and a value preview; shape, dtype and size for tensors).</summary>
internal static class WhoMagics
{
    private const int PreviewLength = 60;

    public static Magic Who(RoslynInterpreter interpreter) => new("who", "List the names of the notebook's variables.", [], _ =>
    {
        var names = interpreter.Variables.Select(v => v.Name).Order(StringComparer.Ordinal).ToList();
        return MimeBundle.PlainText(names.Count == 0 ? "No variables defined." : string.Join("  ", names));
    });

    public static Magic Whos(RoslynInterpreter interpreter) => new("whos", "List the notebook's variables with type and value.", [], _ =>
    {
        var variables = interpreter.Variables.OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        if (variables.Count == 0) return MimeBundle.PlainText("No variables defined.");
        var rows = variables.Select(v => (v.Name, Type: TypeNames.Friendly(v.Type), Value: Preview(v.Value))).ToList();
        var table = new HtmlTable(["Variable", "Type", "Value"]);
        foreach (var row in rows) table.AddRow([row.Name, row.Type, row.Value]);
        int nameWidth = Math.Max(8, rows.Max(r => r.Name.Length)), typeWidth = Math.Max(4, rows.Max(r => r.Type.Length));
        var lines = rows.Select(r => $"{r.Name.PadRight(nameWidth)}  {r.Type.PadRight(typeWidth)}  {r.Value}");
        var plain = $"{"Variable".PadRight(nameWidth)}  {"Type".PadRight(typeWidth)}  Value\n" + string.Join("\n", lines);
        return MimeBundle.PlainText(plain).With(MimeBundle.TextHtml, table.ToHtml());
    });

    /// <summary>One line of the value's text/plain form, shortened.</summary>
    private static string Preview(object? value)
    {
        if (TorchSupport.Describe(value) is { } tensor) return tensor;
        string text;
        try { text = Formatter.Format(value).Data[MimeBundle.TextPlain]; }
        catch (Exception ex) { text = $"<{ex.GetType().Name}>"; }
        text = text.ReplaceLineEndings(" ");
        return text.Length > PreviewLength ? text[..(PreviewLength - 1)] + "…" : text;
    }
}
