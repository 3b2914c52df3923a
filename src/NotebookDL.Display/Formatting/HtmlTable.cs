using System.Text;

namespace NotebookDL.Display.Formatting;

/// <summary>
/// Builds the HTML tables the built-in formatters emit: a header row, body rows of already-converted cell
/// text, and an optional note under the table (e.g. "30 more rows"). Cells are escaped here, once.
/// </summary>
public sealed class HtmlTable
{
    private readonly List<string> headers;
    private readonly List<IReadOnlyList<string>> rows = [];

    public HtmlTable(IEnumerable<string> headers) => this.headers = [.. headers];

    /// <summary>Text under the table, or null for none.</summary>
    public string? Note { get; set; }

    /// <summary>Number of body rows added so far.</summary>
    public int RowCount => rows.Count;

    public HtmlTable AddRow(IReadOnlyList<string> cells)
    {
        rows.Add(cells);
        return this;
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<table><thead><tr>");
        foreach (var header in headers) html.Append("<th>").Append(Html.Escape(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < headers.Count; i++)
            {
                html.Append("<td>").Append(Html.Escape(i < row.Count ? row[i] : "")).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (Note is not null) html.Append("<p><i>").Append(Html.Escape(Note)).Append("</i></p>");
        return html.ToString();
    }
}
