using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>Everything about a <see cref="Figure"/> that is not data: title, size, axes, annotations.</summary>
public sealed class Layout
{
    public string? Title { get; set; }

    /// <summary>Width in pixels (also the SVG width).</summary>
    public int Width { get; set; } = 640;

    /// <summary>Height in pixels (also the SVG height).</summary>
    public int Height { get; set; } = 400;

    public Axis XAxis { get; set; } = new();
    public Axis YAxis { get; set; } = new();

    /// <summary>Labelled points (Plotly annotations).</summary>
    public List<Annotation> Annotations { get; } = [];

    /// <summary>Vertical marker lines (Plotly line shapes spanning the plot height).</summary>
    public List<VerticalLine> VerticalLines { get; } = [];

    /// <summary>Show the legend; null shows it when at least one trace has a name.</summary>
    public bool? ShowLegend { get; set; }

    internal JsonObject ToPlotly(IReadOnlyList<Trace> traces)
    {
        var json = new JsonObject
        {
            ["width"] = Width,
            ["height"] = Height,
            ["xaxis"] = XAxis.ToPlotly(),
            ["yaxis"] = YAxis.ToPlotly(),
            ["showlegend"] = LegendVisible(traces),
        };
        if (Title is not null) json["title"] = new JsonObject { ["text"] = Title };

        var annotations = new JsonArray();
        foreach (var a in Annotations)
        {
            annotations.Add(new JsonObject
            {
                // Plotly quirk: annotations on log axes are positioned by the exponent (shapes, below, are not).
                ["x"] = PlotlyJson.Number(XAxis.Type == AxisType.Log ? Math.Log10(a.X) : a.X),
                ["y"] = PlotlyJson.Number(YAxis.Type == AxisType.Log ? Math.Log10(a.Y) : a.Y),
                ["text"] = a.Text,
                ["showarrow"] = true,
                ["arrowcolor"] = a.Color,
                ["font"] = new JsonObject { ["color"] = a.Color },
            });
        }
        var shapes = new JsonArray();
        foreach (var line in VerticalLines)
        {
            shapes.Add(new JsonObject
            {
                ["type"] = "line",
                ["xref"] = "x",
                ["yref"] = "paper",
                ["x0"] = PlotlyJson.Number(line.X),
                ["x1"] = PlotlyJson.Number(line.X),
                ["y0"] = 0,
                ["y1"] = 1,
                ["line"] = new JsonObject { ["color"] = line.Color, ["dash"] = "dash", ["width"] = 1.5 },
            });
            if (line.Text is not null)
            {
                annotations.Add(new JsonObject
                {
                    ["x"] = PlotlyJson.Number(XAxis.Type == AxisType.Log ? Math.Log10(line.X) : line.X),
                    ["xref"] = "x",
                    ["y"] = 1,
                    ["yref"] = "paper",
                    ["yanchor"] = "bottom",
                    ["text"] = line.Text,
                    ["showarrow"] = false,
                    ["font"] = new JsonObject { ["color"] = line.Color },
                });
            }
        }
        if (annotations.Count > 0) json["annotations"] = annotations;
        if (shapes.Count > 0) json["shapes"] = shapes;
        return json;
    }

    internal bool LegendVisible(IReadOnlyList<Trace> traces) =>
        ShowLegend ?? traces.Any(t => t.InLegend && t is Scatter or Bar);
}
