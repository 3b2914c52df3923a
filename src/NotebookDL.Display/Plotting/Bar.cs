using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>Vertical bars over categories. Several bar traces in one figure are drawn side by side (Plotly's "group" mode).</summary>
public sealed class Bar : Trace
{
    public Bar() { }

    public Bar(IEnumerable<string> categories, IEnumerable<double> values)
    {
        X.AddRange(categories);
        Y.AddRange(values);
    }

    /// <summary>Category labels along the x axis.</summary>
    public List<string> X { get; } = [];

    /// <summary>Bar heights, one per category.</summary>
    public List<double> Y { get; } = [];

    /// <summary>CSS colour; null picks the next colour of <see cref="Palette"/>.</summary>
    public string? Color { get; set; }

    public override string PlotlyType => "bar";

    private protected override void WritePlotly(JsonObject json, Layout layout)
    {
        if (X.Count != Y.Count) throw new InvalidOperationException($"Bar '{Name}' has {X.Count} categories but {Y.Count} values.");
        json["x"] = PlotlyJson.Strings(X);
        json["y"] = PlotlyJson.Numbers(Y);
        if (Color is not null) json["marker"] = new JsonObject { ["color"] = Color };
    }
}
