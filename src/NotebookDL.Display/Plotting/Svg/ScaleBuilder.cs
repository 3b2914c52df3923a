namespace NotebookDL.Display.Plotting.Svg;

/// <summary>
/// Decides each axis' scale from the traces: categorical when bars or heatmaps supply labels, otherwise numeric
/// (linear or log) over the data extent plus a little padding, or exactly <see cref="Axis.Range"/> when set.
/// </summary>
internal static class ScaleBuilder
{
    public static IReadOnlyList<string> XCategories(Figure figure) => Union(figure.Data.SelectMany(t => t switch
    {
        Bar bar => bar.X,
        Heatmap heatmap => heatmap.ColumnLabels,
        _ => [],
    }));

    public static IReadOnlyList<string> YCategories(Figure figure) =>
        Union(figure.Data.OfType<Heatmap>().SelectMany(h => h.RowLabels));

    public static Scale X(Figure figure, PlotArea area)
    {
        var axis = figure.Layout.XAxis;
        var categories = XCategories(figure);
        if (categories.Count > 0) return new CategoryScale(categories, axis.Reversed, area.Left, area.Right);

        var values = new List<double>();
        foreach (var trace in figure.Data)
        {
            if (trace is Scatter scatter) values.AddRange(scatter.X);
            if (trace is ImageTrace image) values.AddRange([-0.5, image.Width - 0.5]);
        }
        values.AddRange(figure.Layout.Annotations.Select(a => a.X));
        values.AddRange(figure.Layout.VerticalLines.Select(l => l.X));
        var hasImage = figure.Data.OfType<ImageTrace>().Any();
        var (min, max) = axis.Range ?? Extent(values, axis.Type == AxisType.Log, hasImage ? 0 : 0.03, anchorZero: false);
        return new NumericScale(min, max, axis.Type == AxisType.Log, axis.Reversed, area.Left, area.Right);
    }

    public static Scale Y(Figure figure, PlotArea area)
    {
        var axis = figure.Layout.YAxis;
        var categories = YCategories(figure);
        if (categories.Count > 0) return new CategoryScale(categories, axis.Reversed, area.Bottom, area.Top);

        var values = new List<double>();
        var hasBars = false;
        var hasImage = false;
        foreach (var trace in figure.Data)
        {
            switch (trace)
            {
                case Scatter scatter:
                    values.AddRange(scatter.Y);
                    break;
                case Bar bar:
                    values.AddRange(bar.Y);
                    hasBars = true;
                    break;
                case ImageTrace image:
                    values.AddRange([-0.5, image.Height - 0.5]);
                    hasImage = true;
                    break;
            }
        }
        values.AddRange(figure.Layout.Annotations.Select(a => a.Y));
        var log = axis.Type == AxisType.Log;
        // Bars grow from zero, so zero belongs in the range (not on a log axis, where it cannot be shown).
        if (hasBars && !log) values.Add(0);
        var (min, max) = axis.Range ?? Extent(values, log, hasImage ? 0 : 0.06, anchorZero: hasBars);
        // Images have row 0 on top, as in Plotly's image trace.
        var reversed = axis.Reversed || (hasImage && axis.Range is null);
        return new NumericScale(min, max, log, reversed, area.Bottom, area.Top);
    }

    /// <summary>The padded range of the finite (and, for log axes, positive) values.</summary>
    public static (double Min, double Max) Extent(IEnumerable<double> values, bool log, double pad, bool anchorZero)
    {
        var usable = values.Where(v => double.IsFinite(v) && (!log || v > 0)).ToList();
        if (usable.Count == 0) return log ? (1, 10) : (0, 1);
        double min = usable.Min(), max = usable.Max();
        if (log)
        {
            double low = Math.Log10(min), high = Math.Log10(max);
            if (high - low < 1e-12) return (min / 10, max * 10);
            var span = high - low;
            return (Math.Pow(10, low - span * pad), Math.Pow(10, high + span * pad));
        }
        if (max - min < 1e-12)
        {
            var half = min == 0 ? 1 : Math.Abs(min) * 0.1;
            return (min - half, max + half);
        }
        var padding = (max - min) * pad;
        // A bar chart of non-negative values should start exactly at zero, not slightly below.
        return (anchorZero && min >= 0 ? min : min - padding, anchorZero && max <= 0 ? max : max + padding);
    }

    private static List<string> Union(IEnumerable<string> labels)
    {
        var seen = new HashSet<string>();
        return labels.Where(seen.Add).ToList();
    }
}
