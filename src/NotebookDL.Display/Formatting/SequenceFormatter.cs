using System.Collections;
using System.Reflection;

namespace NotebookDL.Display.Formatting;

/// <summary>
/// Any sequence as an HTML table: one column of values for scalars, one column per public property for
/// records and objects (the union over the shown rows, in order of first appearance).
/// </summary>
internal static class SequenceFormatter
{
    public static MimeBundle Format(IEnumerable sequence)
    {
        var sample = SequenceSample.Take(sequence);
        var columns = new List<PropertyInfo>();
        foreach (var item in sample.Items)
        {
            if (item is null || PublicProperties.IsScalar(item.GetType())) continue;
            foreach (var property in PublicProperties.Of(item.GetType()))
            {
                if (!columns.Any(c => c.Name == property.Name)) columns.Add(property);
            }
        }

        var table = columns.Count == 0
            ? new HtmlTable(["#", "value"])
            : new HtmlTable(new[] { "#" }.Concat(columns.Select(c => c.Name)));
        for (var i = 0; i < sample.Items.Count; i++)
        {
            var item = sample.Items[i];
            var row = new List<string> { i.ToString() };
            if (columns.Count == 0) row.Add(ValueText.Of(item));
            else if (item is not null && PublicProperties.IsScalar(item.GetType())) row.Add(ValueText.Of(item)); // mixed sequence: value in the first column
            else row.AddRange(columns.Select(c => Cell(c, item)));
            table.AddRow(row);
        }
        table.Note = sample.MoreNote();

        var typeName = TypeNames.Friendly(sequence.GetType());
        return MimeBundle.PlainText(sample.PlainText(typeName)).With(MimeBundle.TextHtml, table.ToHtml());
    }

    // A row's object may lack a column (mixed types): look the property up by name on its own type.
    private static string Cell(PropertyInfo column, object? item)
    {
        if (item is null) return "null";
        var property = PublicProperties.Of(item.GetType()).FirstOrDefault(p => p.Name == column.Name);
        return property is null ? "" : PublicProperties.ValueOf(property, item);
    }
}
