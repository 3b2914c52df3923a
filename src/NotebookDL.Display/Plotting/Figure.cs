using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookDL.Display.Plotting.Svg;

namespace NotebookDL.Display.Plotting;

/// <summary>
/// A typed Plotly figure. It displays as interactive Plotly JSON (application/vnd.plotly.v1+json) and, from the
/// same model, as a static SVG so the plot also shows in nbconvert HTML, on GitHub and offline.
/// <example><code>
/// var fig = new Figure { Layout = { Title = "Loss", XAxis = { Title = "batch" } } };
/// fig.Add(new Scatter(steps, losses) { Name = "train" });
/// fig.Display();
/// </code></example>
/// </summary>
public sealed class Figure
{
    /// <summary>The traces, drawn in order.</summary>
    public List<Trace> Data { get; } = [];

    public Layout Layout { get; init; } = new();

    /// <summary>Adds a trace and returns the figure, for chaining.</summary>
    public Figure Add(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Data.Add(trace);
        return this;
    }

    /// <summary>Marks a position with a dashed vertical line (e.g. a suggested learning rate).</summary>
    public Figure AddVerticalLine(double x, string? text = null, string color = "#d62728")
    {
        Layout.VerticalLines.Add(new VerticalLine(x, text, color));
        return this;
    }

    /// <summary>Marks a point with a label.</summary>
    public Figure AddAnnotation(double x, double y, string text, string color = "#d62728")
    {
        Layout.Annotations.Add(new Annotation(x, y, text, color));
        return this;
    }

    /// <summary>The figure in Plotly's schema: <c>{"data":[...],"layout":{...}}</c>.</summary>
    public JsonObject ToPlotlyJsonObject() => new()
    {
        ["data"] = new JsonArray(Data.Select(t => (JsonNode?)t.ToPlotly(Layout)).ToArray()),
        ["layout"] = Layout.ToPlotly(Data),
    };

    /// <summary>The Plotly JSON as text.</summary>
    public string ToPlotlyJson() => ToPlotlyJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>A static SVG rendering of the same figure.</summary>
    public string ToSvg() => SvgRenderer.Render(this);

    /// <summary>Plotly JSON + SVG + "Figure: title" as text/plain.</summary>
    public MimeBundle ToMimeBundle() => MimeBundle.PlainText(ToString())
        .With(MimeBundle.PlotlyJson, ToPlotlyJson())
        .With(MimeBundle.ImageSvg, ToSvg());

    public override string ToString() => $"Figure: {Layout.Title ?? "(untitled)"}";
}
