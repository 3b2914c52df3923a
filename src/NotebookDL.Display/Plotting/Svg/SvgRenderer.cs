using System.Globalization;
using System.Xml.Linq;
using static NotebookDL.Display.Plotting.Svg.SvgFormat;

namespace NotebookDL.Display.Plotting.Svg;

/// <summary>
/// Renders a <see cref="Figure"/> to a self-contained SVG: title, axes with ticks and grid, traces, vertical lines,
/// annotations, legend and a colour bar for heatmaps. Built with XElement so the output is always well-formed
/// and every piece of text is escaped.
/// </summary>
internal static class SvgRenderer
{
    public static string Render(Figure figure)
    {
        var layout = figure.Layout;
        var legendEntries = layout.LegendVisible(figure.Data) ? figure.Data.Where(t => t is Scatter or Bar && t.InLegend).ToList() : [];
        var legendWidth = legendEntries.Count == 0 ? 0 : 40 + TextWidth.Of(legendEntries.Max(t => t.Name!.Length));
        var heatmap = figure.Data.OfType<Heatmap>().FirstOrDefault();
        var xCategories = ScaleBuilder.XCategories(figure);
        var rotateX = xCategories.Count > 0 && xCategories.Sum(c => TextWidth.Of(c) + 8) > layout.Width * 0.7;
        var yCategories = ScaleBuilder.YCategories(figure);
        var yLabelWidth = yCategories.Count > 0 ? Math.Clamp(TextWidth.Of(yCategories.Max(c => c.Length)), 20, 150) : 45;

        var area = PlotArea.For(figure, legendWidth, heatmap is not null, rotateX, yLabelWidth);
        var x = ScaleBuilder.X(figure, area);
        var y = ScaleBuilder.Y(figure, area);

        var svg = El("svg", ("width", layout.Width), ("height", layout.Height), ("viewBox", $"0 0 {layout.Width} {layout.Height}"),
            ("font-family", "sans-serif"), ("font-size", 11));
        svg.Add(El("rect", ("class", "background"), ("width", layout.Width), ("height", layout.Height), ("fill", "white")));
        svg.Add(El("rect", ("class", "plot-area"), ("x", area.Left), ("y", area.Top), ("width", area.Width), ("height", area.Height), ("fill", "#f5f7fa")));

        // Clip ids must be unique: several figures are often inlined into one HTML page.
        var clipId = "nbdl-clip-" + Guid.NewGuid().ToString("N")[..10];
        var clip = El("clipPath", ("id", clipId));
        clip.Add(El("rect", ("x", area.Left), ("y", area.Top), ("width", area.Width), ("height", area.Height)));
        svg.Add(El("defs").With(clip));

        svg.Add(Axes(figure, area, x, y, rotateX));

        var traces = El("g", ("class", "traces"), ("clip-path", $"url(#{clipId})"));
        var colorIndex = 0;
        var bars = figure.Data.OfType<Bar>().ToList();
        foreach (var trace in figure.Data)
        {
            switch (trace)
            {
                case Scatter scatter:
                    traces.Add(SvgTraces.Scatter(scatter, scatter.Color ?? Palette.At(colorIndex++), x, y));
                    break;
                case Bar bar when x is CategoryScale categories:
                    traces.Add(SvgTraces.Bars(bar, bar.Color ?? Palette.At(colorIndex++), categories, y, bars.IndexOf(bar), bars.Count));
                    break;
                case Heatmap map when x is CategoryScale columns && y is CategoryScale rows:
                    traces.Add(SvgTraces.Heatmap(map, columns, rows));
                    break;
                case ImageTrace image:
                    traces.Add(SvgTraces.Image(image, x, y));
                    break;
            }
        }
        svg.Add(traces);
        svg.Add(Markers(layout, area, x, y));
        if (legendEntries.Count > 0) svg.Add(Legend(figure, legendEntries, area));
        if (heatmap is not null) svg.Add(ColorBar(heatmap, area));
        if (layout.Title is not null) svg.Add(Text(layout.Title, layout.Width / 2.0, 26, "middle", "title", ("font-size", TitleFontSize(layout))));

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>16 px, or smaller for a title that would not fit the figure's width (less 10 px a side) at 16 px.</summary>
    internal static double TitleFontSize(Layout layout) =>
        layout.Title is not { Length: > 0 } title ? 16 : Math.Floor(10 * Math.Min(16, (layout.Width - 20) / TextWidth.Of(title, 1))) / 10;

    private static XElement Axes(Figure figure, PlotArea area, Scale x, Scale y, bool rotateX)
    {
        var axes = El("g", ("class", "axes"));
        foreach (var tick in x.Ticks())
        {
            if (x is NumericScale) axes.Add(El("line", ("class", "grid"), ("x1", tick.Pixel), ("x2", tick.Pixel), ("y1", area.Top), ("y2", area.Bottom), ("stroke", "#dde1e6")));
            axes.Add(El("line", ("x1", tick.Pixel), ("x2", tick.Pixel), ("y1", area.Bottom), ("y2", area.Bottom + 5), ("stroke", "#444")));
            var label = rotateX
                ? Text(tick.Label, tick.Pixel, area.Bottom + 14, "end", "xtick", ("transform", $"rotate(-45 {Px(tick.Pixel)} {Px(area.Bottom + 14)})"))
                : Text(tick.Label, tick.Pixel, area.Bottom + 18, "middle", "xtick");
            label.SetAttributeValue("data-value", tick.Value.ToString("R", CultureInfo.InvariantCulture));
            axes.Add(label);
        }
        foreach (var tick in y.Ticks())
        {
            if (y is NumericScale) axes.Add(El("line", ("class", "grid"), ("x1", area.Left), ("x2", area.Right), ("y1", tick.Pixel), ("y2", tick.Pixel), ("stroke", "#dde1e6")));
            axes.Add(El("line", ("x1", area.Left - 5), ("x2", area.Left), ("y1", tick.Pixel), ("y2", tick.Pixel), ("stroke", "#444")));
            var label = Text(tick.Label, area.Left - 8, tick.Pixel + 4, "end", "ytick");
            label.SetAttributeValue("data-value", tick.Value.ToString("R", CultureInfo.InvariantCulture));
            axes.Add(label);
        }
        axes.Add(El("line", ("class", "axis"), ("x1", area.Left), ("x2", area.Right), ("y1", area.Bottom), ("y2", area.Bottom), ("stroke", "#444")));
        axes.Add(El("line", ("class", "axis"), ("x1", area.Left), ("x2", area.Left), ("y1", area.Top), ("y2", area.Bottom), ("stroke", "#444")));

        var layout = figure.Layout;
        if (layout.XAxis.Title is { } xTitle)
        {
            axes.Add(Text(xTitle, (area.Left + area.Right) / 2, layout.Height - 10, "middle", "axis-title"));
        }
        if (layout.YAxis.Title is { } yTitle)
        {
            var cx = 14.0;
            var cy = (area.Top + area.Bottom) / 2;
            axes.Add(Text(yTitle, cx, cy, "middle", "axis-title", ("transform", $"rotate(-90 {Px(cx)} {Px(cy)})")));
        }
        return axes;
    }

    private static XElement Markers(Layout layout, PlotArea area, Scale x, Scale y)
    {
        var group = El("g", ("class", "markers"));
        for (var i = 0; i < layout.VerticalLines.Count; i++)
        {
            var line = layout.VerticalLines[i];
            var px = x.Map(line.X);
            if (double.IsNaN(px) || px < area.Left - 0.5 || px > area.Right + 0.5) continue;
            group.Add(El("line", ("class", "vline"), ("x1", px), ("x2", px), ("y1", area.Top), ("y2", area.Bottom), ("stroke", line.Color),
                ("stroke-width", 1.5), ("stroke-dasharray", "5,4")));
            // Stagger labels so several suggestions (valley, slide, minimum) do not print over each other.
            // Labels right of the middle grow leftwards so they stay inside the plot.
            var rightHalf = px > (area.Left + area.Right) / 2;
            if (line.Text is not null)
            {
                group.Add(Text(line.Text, rightHalf ? px - 4 : px + 4, area.Top + 13 + 13 * i, rightHalf ? "end" : "start", "vline-label", ("fill", line.Color)));
            }
        }
        foreach (var annotation in layout.Annotations)
        {
            double px = x.Map(annotation.X), py = y.Map(annotation.Y);
            if (double.IsNaN(px) || double.IsNaN(py)) continue;
            group.Add(El("circle", ("class", "annotation-point"), ("cx", px), ("cy", py), ("r", 5), ("fill", "none"), ("stroke", annotation.Color), ("stroke-width", 2)));
            group.Add(Text(annotation.Text, px + 8, py - 8, "start", "annotation", ("fill", annotation.Color)));
        }
        return group;
    }

    private static XElement Legend(Figure figure, List<Trace> entries, PlotArea area)
    {
        var legend = El("g", ("class", "legend"));
        var left = area.Right + 14;
        var colorIndex = 0;
        var colors = new Dictionary<Trace, string>();
        // Same colour assignment as the traces themselves: in trace order, counting only scatter and bar traces.
        foreach (var trace in figure.Data)
        {
            if (trace is Scatter s) colors[trace] = s.Color ?? Palette.At(colorIndex++);
            if (trace is Bar b) colors[trace] = b.Color ?? Palette.At(colorIndex++);
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var trace = entries[i];
            var cy = area.Top + 10 + 18 * i;
            var color = colors[trace];
            // The swatch is drawn like the trace (dash, markers), so a dotted and a solid line of one colour differ here too.
            if (trace is Scatter scatter)
            {
                if (scatter.Mode != ScatterMode.Markers)
                    legend.Add(El("line", ("class", "legend-line"), ("x1", left), ("x2", left + 20), ("y1", cy), ("y2", cy), ("stroke", color),
                        ("stroke-width", 2), ("stroke-dasharray", scatter.DashArray)));
                if (scatter.Mode != ScatterMode.Lines) legend.Add(El("circle", ("class", "legend-marker"), ("cx", left + 10), ("cy", cy), ("r", 4), ("fill", color)));
            }
            else legend.Add(El("rect", ("x", left + 4), ("y", cy - 6), ("width", 12), ("height", 12), ("fill", color)));
            legend.Add(Text(trace.Name!, left + 26, cy + 4, "start", "legend-text"));
        }
        return legend;
    }

    private static XElement ColorBar(Heatmap heatmap, PlotArea area)
    {
        const int Steps = 32;
        var bar = El("g", ("class", "colorbar"));
        var (min, max) = heatmap.ValueRange();
        var left = area.Right + 15;
        var step = area.Height / Steps;
        for (var i = 0; i < Steps; i++)
        {
            // Top of the bar is the maximum.
            var t = 1 - (i + 0.5) / Steps;
            bar.Add(El("rect", ("x", left), ("y", area.Top + i * step), ("width", 14), ("height", step + 0.5), ("fill", heatmap.ColorMap.Hex(t))));
        }
        bar.Add(Text(SvgFormat.TickLabel(max), left + 18, area.Top + 8, "start", "colorbar-label"));
        bar.Add(Text(SvgFormat.TickLabel(min), left + 18, area.Bottom, "start", "colorbar-label"));
        return bar;
    }

    private static XElement With(this XElement element, XElement child)
    {
        element.Add(child);
        return element;
    }
}
