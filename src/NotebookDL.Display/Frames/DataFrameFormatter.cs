using System.Text;
using Microsoft.Data.Analysis;
using NotebookDL.Display.Formatting;

namespace NotebookDL.Display.Frames;

/// <summary>
/// A Microsoft.Data.Analysis <see cref="DataFrame"/> as a static table, as pandas shows one: the first and last
/// rows of a long frame with "…" between, a row of column types under the names, missing values as NA, and the
/// shape underneath. MDA's own HTML view in .NET Interactive needs JavaScript, so nbconvert renderings, GitHub and
/// offline pages showed an empty table.
/// </summary>
internal static class DataFrameFormatter
{
    private const int Head = 10;
    private const int Tail = 5;

    public static MimeBundle Format(DataFrame df)
    {
        var rows = df.Rows.Count;
        var shown = rows <= Head + Tail + 5
            ? Enumerable.Range(0, (int)rows).Select(i => (long)i).ToList()
            : Enumerable.Range(0, Head).Select(i => (long)i).Append(-1).Concat(Enumerable.Range(0, Tail).Select(i => rows - Tail + i)).ToList();
        var shape = $"{rows:N0} rows × {df.Columns.Count} columns";
        return MimeBundle.PlainText(PlainText(df, shown, shape)).With(MimeBundle.TextHtml, Html(df, shown, shape));
    }

    private static string Cell(DataFrameColumn column, long row) => row < 0 ? "…" : column[row] is { } v ? ValueText.Of(v) : "NA";

    private static string TypeName(DataFrameColumn column) => TypeNames.Friendly(column.DataType);

    private static string Html(DataFrame df, List<long> shown, string shape)
    {
        var html = new StringBuilder("<table><thead><tr><th></th>");
        foreach (var c in df.Columns) html.Append("<th>").Append(Formatting.Html.Escape(c.Name)).Append("</th>");
        html.Append("</tr><tr><th></th>");
        foreach (var c in df.Columns) html.Append("<th style=\"font-weight:normal;font-style:italic\">").Append(Formatting.Html.Escape(TypeName(c))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var r in shown)
        {
            html.Append("<tr><th>").Append(r < 0 ? "…" : r.ToString()).Append("</th>");
            foreach (var c in df.Columns) html.Append("<td>").Append(Formatting.Html.Escape(Cell(c, r))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table><p><i>").Append(shape).Append("</i></p>");
        return html.ToString();
    }

    private static string PlainText(DataFrame df, List<long> shown, string shape)
    {
        var header = new[] { "" }.Concat(df.Columns.Select(c => c.Name)).ToList();
        var types = new[] { "" }.Concat(df.Columns.Select(TypeName)).ToList();
        var body = shown.Select(r => new[] { r < 0 ? "…" : r.ToString() }.Concat(df.Columns.Select(c => Cell(c, r))).ToList()).ToList();
        var widths = header.Select((h, i) => new[] { h, types[i] }.Concat(body.Select(b => b[i])).Max(s => s.Length)).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((s, i) => s.PadLeft(widths[i]))).TrimEnd();
        var text = new StringBuilder().AppendLine(Line(header)).AppendLine(Line(types));
        foreach (var b in body) text.AppendLine(Line(b));
        return text.Append('[').Append(shape).Append(']').ToString();
    }
}
