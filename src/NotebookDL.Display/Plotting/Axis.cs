using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>Linear or logarithmic (base 10) axis scale.</summary>
public enum AxisType
{
    Linear,
    Log,
}

/// <summary>One axis of a <see cref="Layout"/>.</summary>
public sealed class Axis
{
    public string? Title { get; set; }

    public AxisType Type { get; set; } = AxisType.Linear;

    /// <summary>Shown range in data units (also for log axes; the Plotly JSON converts to log10); null fits the data.</summary>
    public (double Min, double Max)? Range { get; set; }

    /// <summary>Draw from high to low (top-to-bottom rows for a confusion matrix's y axis).</summary>
    public bool Reversed { get; set; }

    internal JsonObject ToPlotly()
    {
        var json = new JsonObject();
        if (Title is not null) json["title"] = new JsonObject { ["text"] = Title };
        json["type"] = Type == AxisType.Log ? "log" : "-";
        if (Range is { } range)
        {
            // Plotly expects log axis ranges as exponents.
            json["range"] = Type == AxisType.Log
                ? new JsonArray(Math.Log10(range.Min), Math.Log10(range.Max))
                : new JsonArray(range.Min, range.Max);
            if (Reversed) json["range"] = new JsonArray(json["range"]![1]!.GetValue<double>(), json["range"]![0]!.GetValue<double>());
        }
        else if (Reversed)
        {
            json["autorange"] = "reversed";
        }
        return json;
    }
}
