using NotebookDL.Display.Formatting;

namespace NotebookDL.Display.Magics;

/// <summary>The built-in <c>#!lsmagic</c>: lists every magic of the registry it runs in, with usage and help.</summary>
internal static class LsMagic
{
    public static Magic Create() => new("lsmagic", "List the available magics with their arguments.", [], Run);

    private static MimeBundle Run(MagicInvocation invocation)
    {
        var magics = invocation.Registry.All;
        var table = new HtmlTable(["magic", "description", "arguments"]);
        var plain = new List<string> { "Available magics:" };
        foreach (var magic in magics)
        {
            var arguments = string.Join("; ", magic.Parameters.Select(p => $"{p.Name}{(p.IsOptional ? " (optional)" : "")}: {p.Description}"));
            table.AddRow([magic.Usage, magic.Description, arguments]);
            plain.Add($"  {magic.Usage}  {magic.Description}");
            plain.AddRange(magic.Parameters.Select(p => $"      {p.Name}{(p.IsOptional ? " (optional)" : "")}: {p.Description}"));
        }
        return MimeBundle.PlainText(string.Join("\n", plain)).With(MimeBundle.TextHtml, table.ToHtml());
    }
}
