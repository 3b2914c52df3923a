using System.Text.Json.Nodes;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Plotting;

/// <summary>
/// A matrix of values drawn as coloured cells (e.g. a confusion matrix). Row 0 of <see cref="Z"/> is the first
/// y category, drawn at the bottom as Plotly does; set <see cref="Axis.Reversed"/> on the y axis to put it on top.
/// </summary>
public sealed class Heatmap : Trace
{
    /// <summary>Creates a heatmap of <paramref name="z"/> (rows of equal length).</summary>
    public Heatmap(double[][] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Length > 0 && z.Any(row => row.Length != z[0].Length))
        {
            throw new ArgumentException($"Heatmap rows must have equal length; row lengths are {string.Join(", ", z.Select(r => r.Length))}.", nameof(z));
        }
        Z = z;
    }

    /// <summary>Creates a heatmap from a rectangular array, first index = row (y).</summary>
    public Heatmap(double[,] z) : this(ToJagged(z)) { }

    /// <summary>Values, <c>Z[row][column]</c>; NaN cells are left empty.</summary>
    public double[][] Z { get; }

    public int Rows => Z.Length;
    public int Columns => Z.Length == 0 ? 0 : Z[0].Length;

    /// <summary>Column labels (x categories); null numbers them 0..n-1.</summary>
    public IReadOnlyList<string>? X { get; set; }

    /// <summary>Row labels (y categories); null numbers them 0..n-1.</summary>
    public IReadOnlyList<string>? Y { get; set; }

    public ColorMap ColorMap { get; set; } = ColorMap.Viridis;

    /// <summary>Optional text drawn on each cell, same shape as <see cref="Z"/> (e.g. counts in a confusion matrix).</summary>
    public string[][]? Text { get; set; }

    /// <summary>Value mapped to the bottom of the colour map; null uses the data minimum.</summary>
    public double? ZMin { get; set; }

    /// <summary>Value mapped to the top of the colour map; null uses the data maximum.</summary>
    public double? ZMax { get; set; }

    public override string PlotlyType => "heatmap";

    /// <summary>Column labels actually used (given or 0..n-1).</summary>
    public IReadOnlyList<string> ColumnLabels => X ?? Enumerable.Range(0, Columns).Select(i => i.ToString()).ToList();

    /// <summary>Row labels actually used (given or 0..n-1).</summary>
    public IReadOnlyList<string> RowLabels => Y ?? Enumerable.Range(0, Rows).Select(i => i.ToString()).ToList();

    /// <summary>The value range the colour map spans.</summary>
    public (double Min, double Max) ValueRange()
    {
        var finite = Z.SelectMany(r => r).Where(double.IsFinite).ToList();
        var min = ZMin ?? (finite.Count == 0 ? 0 : finite.Min());
        var max = ZMax ?? (finite.Count == 0 ? 1 : finite.Max());
        return (min, max);
    }

    private protected override void WritePlotly(JsonObject json, Layout layout)
    {
        json["z"] = PlotlyJson.Matrix(Z);
        json["x"] = PlotlyJson.Strings(ColumnLabels);
        json["y"] = PlotlyJson.Strings(RowLabels);
        // An explicit colour scale taken from our own table: Plotly has no built-in magma, and this keeps the
        // interactive plot and the static SVG identical.
        var stops = new JsonArray();
        for (var i = 0; i <= 10; i++) stops.Add(new JsonArray(i / 10.0, ColorMap.Hex(i / 10.0)));
        json["colorscale"] = stops;
        var (min, max) = ValueRange();
        json["zmin"] = min;
        json["zmax"] = max;
        if (Text is not null)
        {
            json["text"] = PlotlyJson.Matrix(Text);
            json["texttemplate"] = "%{text}";
        }
    }

    private static double[][] ToJagged(double[,] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var rows = new double[z.GetLength(0)][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new double[z.GetLength(1)];
            for (var c = 0; c < rows[r].Length; c++) rows[r][c] = z[r, c];
        }
        return rows;
    }
}
