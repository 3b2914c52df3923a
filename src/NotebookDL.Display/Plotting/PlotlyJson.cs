using System.Text.Json.Nodes;

namespace NotebookDL.Display.Plotting;

/// <summary>Small helpers for writing Plotly JSON arrays. NaN and infinities become null, which Plotly draws as gaps.</summary>
internal static class PlotlyJson
{
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Matrix(IEnumerable<IEnumerable<double>> rows) => new(rows.Select(r => (JsonNode?)Numbers(r)).ToArray());

    public static JsonArray Matrix(IEnumerable<IEnumerable<string>> rows) => new(rows.Select(r => (JsonNode?)Strings(r)).ToArray());
}
