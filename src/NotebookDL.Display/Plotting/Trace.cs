using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>One data series of a <see cref="Figure"/> (a Plotly trace).</summary>
public abstract class Trace
{
    /// <summary>Legend entry; traces without a name stay out of the legend.</summary>
    public string? Name { get; set; }

    /// <summary>Plotly's trace type ("scatter", "bar", "heatmap", "image").</summary>
    public abstract string PlotlyType { get; }

    /// <summary>The trace as a Plotly JSON object. <paramref name="layout"/> is passed because some values depend on axis types.</summary>
    internal JsonObject ToPlotly(Layout layout)
    {
        var json = new JsonObject { ["type"] = PlotlyType };
        if (Name is not null) json["name"] = Name;
        WritePlotly(json, layout);
        return json;
    }

    private protected abstract void WritePlotly(JsonObject json, Layout layout);
}
