using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>One data series of a <see cref="Figure"/> (a Plotly trace).</summary>
public abstract class Trace
{
    /// <summary>Legend entry; traces without a name stay out of the legend.</summary>
    public string? Name { get; set; }

    /// <summary>Whether a named trace gets a legend entry (Plotly's <c>showlegend</c>); null shows it. A false one keeps
    /// its name for hover text only, e.g. the second of two traces that one legend entry describes.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>True when the legend lists this trace.</summary>
    internal bool InLegend => Name is not null && ShowLegend != false;

    /// <summary>Plotly's trace type ("scatter", "bar", "heatmap", "image").</summary>
    public abstract string PlotlyType { get; }

    /// <summary>The trace as a Plotly JSON object. <paramref name="layout"/> is passed because some values depend on axis types.</summary>
    internal JsonObject ToPlotly(Layout layout)
    {
        var json = new JsonObject { ["type"] = PlotlyType };
        if (Name is not null) json["name"] = Name;
        if (ShowLegend is { } show) json["showlegend"] = show;
        WritePlotly(json, layout);
        return json;
    }

    private protected abstract void WritePlotly(JsonObject json, Layout layout);
}
