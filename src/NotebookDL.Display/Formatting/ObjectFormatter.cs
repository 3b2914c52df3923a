using System.Reflection;

namespace NotebookDL.Display.Formatting;

/// <summary>
/// The last-resort formatter: records and plain objects with public properties become a one-row table
/// (property names as headers, like a row of a sequence table); anything else is plain text.
/// </summary>
internal static class ObjectFormatter
{
    public static MimeBundle Format(object value)
    {
        var type = value.GetType();
        var properties = PublicProperties.IsScalar(type) ? [] : PublicProperties.Of(type);
        if (properties.Length == 0) return MimeBundle.PlainText(value.ToString() ?? "");

        var cells = properties.Select(p => PublicProperties.ValueOf(p, value)).ToList();
        var table = new HtmlTable(properties.Select(p => p.Name)).AddRow(cells);
        var plain = OverridesToString(type)
            ? value.ToString() ?? ""
            // object.ToString would only print the type name; show the data like a record would.
            : $"{TypeNames.Friendly(type)} {{ {string.Join(", ", properties.Select((p, i) => $"{p.Name} = {cells[i]}"))} }}";
        return MimeBundle.PlainText(plain).With(MimeBundle.TextHtml, table.ToHtml());
    }

    private static bool OverridesToString(Type type) =>
        type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)?.DeclaringType != typeof(object);
}
