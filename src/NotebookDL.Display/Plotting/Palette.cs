namespace NotebookDL.Display.Plotting;

/// <summary>Default trace colours (Plotly's own default sequence), so the SVG and the interactive plot agree.</summary>
public static class Palette
{
    private static readonly string[] Colors =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The colour for the trace at <paramref name="index"/>, cycling.</summary>
    public static string At(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
