using System.Globalization;
using System.Xml.Linq;
using static NotebookDL.Display.Plotting.Svg.SvgFormat;

namespace NotebookDL.Display.Plotting.Svg;

/// <summary>Draws each trace type into an SVG group. Elements carry classes (line, marker, bar, cell) so tests and CSS can find them.</summary>
internal static class SvgTraces
{
    public static XElement Scatter(Scatter scatter, string color, Scale x, Scale y)
    {
        var group = El("g", ("class", "trace scatter"));
        var drawLines = scatter.Mode is ScatterMode.Lines or ScatterMode.LinesAndMarkers;
        var drawMarkers = scatter.Mode is ScatterMode.Markers or ScatterMode.LinesAndMarkers;
        var segment = new List<(double X, double Y)>();
        var markers = new List<(double X, double Y)>();

        void Flush()
        {
            // Plotly leaves a gap at missing values; a lone point between gaps has no line to draw.
            if (drawLines && segment.Count >= 2)
            {
                var points = string.Join(" ", segment.Select(p => $"{Px(p.X)},{Px(p.Y)}"));
                group.Add(El("polyline", ("class", "line"), ("points", points), ("fill", "none"), ("stroke", color), ("stroke-width", 2),
                    ("stroke-linejoin", "round"), ("stroke-dasharray", scatter.DashArray)));
            }
            segment.Clear();
        }

        for (var i = 0; i < Math.Min(scatter.X.Count, scatter.Y.Count); i++)
        {
            double px = x.Map(scatter.X[i]), py = y.Map(scatter.Y[i]);
            if (double.IsNaN(px) || double.IsNaN(py))
            {
                Flush();
                continue;
            }
            segment.Add((px, py));
            markers.Add((px, py));
        }
        Flush();

        if (drawMarkers)
        {
            foreach (var (px, py) in markers)
            {
                group.Add(El("circle", ("class", "marker"), ("cx", px), ("cy", py), ("r", scatter.MarkerSize / 2), ("fill", color)));
            }
        }
        return group;
    }

    /// <summary>Bars of trace <paramref name="slot"/> of <paramref name="slots"/> side by side within each category band.</summary>
    public static XElement Bars(Bar bar, string color, CategoryScale x, Scale y, int slot, int slots)
    {
        var group = El("g", ("class", "trace bar"));
        var groupWidth = x.BandWidth * 0.8;
        var barWidth = groupWidth / slots;
        var baseline = y.Map(0);
        if (double.IsNaN(baseline)) baseline = y.Map(y is NumericScale numeric ? numeric.Min : 0);
        for (var i = 0; i < Math.Min(bar.X.Count, bar.Y.Count); i++)
        {
            var index = x.IndexOf(bar.X[i]);
            var top = y.Map(bar.Y[i]);
            if (index < 0 || double.IsNaN(top)) continue;
            var left = x.Map(index) - groupWidth / 2 + slot * barWidth;
            var rect = El("rect", ("class", "bar"), ("x", left), ("y", Math.Min(top, baseline)), ("width", barWidth * 0.95),
                ("height", Math.Abs(baseline - top)), ("fill", color));
            rect.Add(new XElement(Ns + "title", $"{bar.Name ?? bar.X[i]}: {bar.Y[i].ToString("G6", CultureInfo.InvariantCulture)}"));
            group.Add(rect);
        }
        return group;
    }

    public static XElement Heatmap(Heatmap heatmap, CategoryScale x, CategoryScale y)
    {
        var group = El("g", ("class", "trace heatmap"));
        var (min, max) = heatmap.ValueRange();
        var columns = heatmap.ColumnLabels;
        var rows = heatmap.RowLabels;
        double width = x.BandWidth, height = y.BandWidth;
        for (var r = 0; r < heatmap.Rows; r++)
        {
            var cy = y.Map(y.IndexOf(rows[r]));
            for (var c = 0; c < heatmap.Columns; c++)
            {
                var value = heatmap.Z[r][c];
                if (!double.IsFinite(value)) continue;
                var cx = x.Map(x.IndexOf(columns[c]));
                var (red, green, blue) = heatmap.ColorMap.Map(value, min, max);
                var cell = El("rect", ("class", "cell"), ("x", cx - width / 2), ("y", cy - height / 2), ("width", width), ("height", height),
                    ("fill", $"#{red:x2}{green:x2}{blue:x2}"));
                cell.Add(new XElement(Ns + "title", $"{columns[c]}, {rows[r]}: {value.ToString("G6", CultureInfo.InvariantCulture)}"));
                group.Add(cell);

                var text = heatmap.Text is { } texts && r < texts.Length && c < texts[r].Length ? texts[r][c] : null;
                if (!string.IsNullOrEmpty(text))
                {
                    // Dark cells get white text, light cells black, so counts stay readable across the colour map.
                    var luminance = (0.299 * red + 0.587 * green + 0.114 * blue) / 255;
                    group.Add(Text(text, cx, cy + 4, "middle", "cell-text", ("fill", luminance < 0.5 ? "white" : "black")));
                }
            }
        }
        return group;
    }

    public static XElement Image(ImageTrace image, Scale x, Scale y)
    {
        double x0 = x.Map(-0.5), x1 = x.Map(image.Width - 0.5), y0 = y.Map(-0.5), y1 = y.Map(image.Height - 0.5);
        var element = El("image", ("class", "image"), ("x", Math.Min(x0, x1)), ("y", Math.Min(y0, y1)), ("width", Math.Abs(x1 - x0)),
            ("height", Math.Abs(y1 - y0)), ("preserveAspectRatio", "none"), ("style", "image-rendering:pixelated"));
        // Plain href (SVG 2) is what browsers and GitHub's renderer accept; xlink:href would need another namespace.
        element.SetAttributeValue("href", image.DataUri);
        var group = El("g", ("class", "trace image"));
        group.Add(element);
        return group;
    }
}
