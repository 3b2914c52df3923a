using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>How a <see cref="Scatter"/> trace draws its points.</summary>
public enum ScatterMode
{
    Lines,
    Markers,
    LinesAndMarkers,
}

/// <summary>A line and/or marker series: <c>new Scatter(xs, ys) { Name = "train_loss" }</c>.</summary>
public sealed class Scatter : Trace
{
    public Scatter() { }

    public Scatter(IEnumerable<double> x, IEnumerable<double> y, ScatterMode mode = ScatterMode.Lines)
    {
        X.AddRange(x);
        Y.AddRange(y);
        Mode = mode;
    }

    /// <summary>X values; NaN leaves a gap.</summary>
    public List<double> X { get; } = [];

    /// <summary>Y values, same length as <see cref="X"/>; NaN leaves a gap.</summary>
    public List<double> Y { get; } = [];

    public ScatterMode Mode { get; set; } = ScatterMode.Lines;

    /// <summary>CSS colour; null picks the next colour of <see cref="Palette"/>.</summary>
    public string? Color { get; set; }

    /// <summary>Line dash: null (solid), "dot" or "dash" (Plotly's names).</summary>
    public string? Dash { get; set; }

    /// <summary>Marker diameter in pixels.</summary>
    public double MarkerSize { get; set; } = 6;

    public override string PlotlyType => "scatter";

    /// <summary>Appends one point (used by live plots).</summary>
    public Scatter Add(double x, double y)
    {
        X.Add(x);
        Y.Add(y);
        return this;
    }

    /// <summary>SVG's stroke-dasharray for <see cref="Dash"/>; null for a solid line.</summary>
    internal string? DashArray => Dash switch
    {
        null or "solid" => null,
        "dot" => "2,4",
        "dash" => "8,5",
        _ => throw new InvalidOperationException($"Scatter '{Name}' has dash \"{Dash}\"; use null, \"dot\" or \"dash\"."),
    };

    internal static string ModeText(ScatterMode mode) => mode switch
    {
        ScatterMode.Markers => "markers",
        ScatterMode.LinesAndMarkers => "lines+markers",
        _ => "lines",
    };

    private protected override void WritePlotly(JsonObject json, Layout layout)
    {
        if (X.Count != Y.Count) throw new InvalidOperationException($"Scatter '{Name}' has {X.Count} x values but {Y.Count} y values.");
        json["mode"] = ModeText(Mode);
        json["x"] = PlotlyJson.Numbers(X);
        json["y"] = PlotlyJson.Numbers(Y);
        var line = new JsonObject();
        if (Color is not null) line["color"] = Color;
        if (Dash is not null) line["dash"] = Dash;
        if (line.Count > 0) json["line"] = line;
        json["marker"] = Color is null ? new JsonObject { ["size"] = MarkerSize } : new JsonObject { ["color"] = Color, ["size"] = MarkerSize };
    }
}
