namespace NotebookDL.Display.Plotting.Svg;

/// <summary>The rectangle (in SVG pixels) inside the axes where traces are drawn.</summary>
internal sealed record PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;

    /// <summary>Leaves room for the title, tick labels, axis titles, legend and colour bar as the figure needs them.</summary>
    public static PlotArea For(Figure figure, double legendWidth, bool colorBar, bool rotateXLabels, double yLabelWidth)
    {
        var layout = figure.Layout;
        var top = layout.Title is null ? 20 : 45;
        var bottom = 40 + (layout.XAxis.Title is null ? 0 : 18) + (rotateXLabels ? 45 : 0);
        var left = 20 + yLabelWidth + (layout.YAxis.Title is null ? 0 : 20);
        var right = 20 + legendWidth + (colorBar ? 60 : 0);
        // Never let margins swallow the plot: keep at least a quarter of each dimension for data.
        left = Math.Min(left, layout.Width * 0.4);
        right = Math.Min(right, layout.Width * 0.35);
        return new PlotArea(left, top, Math.Max(left + layout.Width * 0.25, layout.Width - right), Math.Max(top + layout.Height * 0.25, layout.Height - bottom));
    }
}
