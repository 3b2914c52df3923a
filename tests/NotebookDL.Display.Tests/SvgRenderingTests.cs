using System.Globalization;
using System.Xml.Linq;
using NotebookDL.Display.Plotting;
using NotebookDL.Display.Plotting.Svg;

namespace NotebookDL.Display.Tests;

public class SvgRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Render(Figure figure) => XDocument.Parse(figure.ToSvg());

    private static IEnumerable<XElement> WithClass(XDocument doc, string name, string cssClass) =>
        doc.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static List<double> TickValues(XDocument doc, string axis) =>
        WithClass(doc, "text", axis).Select(e => double.Parse((string)e.Attribute("data-value")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Line_plot_has_one_polyline_point_per_value_and_breaks_at_nan()
    {
        var doc = Render(new Figure { Layout = { Title = "a < b & c" } }
            .Add(new Scatter([0, 1, 2, 3, 4], [1, 2, 3, 4, 5]) { Name = "train" })
            .Add(new Scatter([0, 1, 2, 3, 4], [5, 4, double.NaN, 2, 1]) { Name = "valid" }));

        var lines = WithClass(doc, "polyline", "line").ToList();
        Assert.Equal(3, lines.Count); // one for train, two segments for valid
        Assert.Equal([5, 2, 2], lines.Select(l => ((string)l.Attribute("points")!).Split(' ').Length));
        Assert.Equal("a < b & c", WithClass(doc, "text", "title").Single().Value);
        Assert.Equal(["train", "valid"], WithClass(doc, "text", "legend-text").Select(t => t.Value));
        Assert.Empty(WithClass(doc, "circle", "marker"));
    }

    [Fact]
    public void A_title_too_long_for_the_figure_is_set_smaller_to_fit()
    {
        double FontSize(string title, int width) => double.Parse((string)WithClass(Render(new Figure { Layout = { Title = title, Width = width } }), "text", "title")
            .Single().Attribute("font-size")!, CultureInfo.InvariantCulture);
        Assert.Equal(16, FontSize("Loss", 640));
        var longTitle = "Embedding of brand: first two principal components (9 of 11 labelled; the rest overlap)";
        var size = FontSize(longTitle, 640);
        Assert.InRange(size, 8, 15.9);
        Assert.True(TextWidth.Of(longTitle, size) <= 620 + 1e-9); // estimated text width inside the figure
    }

    [Fact]
    public void Points_map_inside_the_plot_and_higher_values_are_higher_up()
    {
        var doc = Render(new Figure().Add(new Scatter([0, 10], [0, 100], ScatterMode.Markers)));
        var markers = WithClass(doc, "circle", "marker").ToList();
        Assert.Equal(2, markers.Count);
        var area = WithClass(doc, "rect", "plot-area").Single();
        double left = (double)area.Attribute("x")!, top = (double)area.Attribute("y")!;
        double right = left + (double)area.Attribute("width")!, bottom = top + (double)area.Attribute("height")!;
        foreach (var m in markers)
        {
            Assert.InRange((double)m.Attribute("cx")!, left, right);
            Assert.InRange((double)m.Attribute("cy")!, top, bottom);
        }
        Assert.True((double)markers[1].Attribute("cy")! < (double)markers[0].Attribute("cy")!);
        Assert.True((double)markers[1].Attribute("cx")! > (double)markers[0].Attribute("cx")!);
    }

    [Fact]
    public void Linear_ticks_are_nice_numbers_covering_the_data()
    {
        var doc = Render(new Figure().Add(new Scatter([0, 1], [0.13, 0.87])));
        var ticks = TickValues(doc, "ytick");
        Assert.True(ticks.Count >= 3);
        foreach (var t in ticks)
        {
            // Every tick is a multiple of a 1/2/5 step: t/step is an integer for the step between ticks.
            var step = ticks[1] - ticks[0];
            Assert.Equal(Math.Round(t / step), t / step, 6);
        }
        Assert.Contains(NiceStep(ticks[1] - ticks[0]), new[] { 1.0, 2.0, 5.0 });
    }

    private static double NiceStep(double step) => Math.Round(step / Math.Pow(10, Math.Floor(Math.Log10(step))), 6);

    [Fact]
    public void Log_axis_ticks_are_powers_of_ten()
    {
        var figure = new Figure { Layout = { XAxis = { Type = AxisType.Log } } }
            .Add(new Scatter([1e-7, 1e-5, 1e-3, 1e-1, 10], [3, 2, 1, 2, 9]))
            .AddVerticalLine(2e-3, "valley");
        var doc = Render(figure);

        var ticks = TickValues(doc, "xtick");
        Assert.Equal(Enumerable.Range(-7, 9).Select(e => (double)e), ticks.Select(t => Math.Round(Math.Log10(t), 9)));
        // Equal ratios are equal distances on a log axis.
        var pixels = WithClass(doc, "text", "xtick").Select(e => (double)e.Attribute("x")!).ToList();
        var gaps = pixels.Zip(pixels.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.InRange(g, gaps[0] - 0.05, gaps[0] + 0.05)); // SVG coordinates are rounded to 0.01
        Assert.Single(WithClass(doc, "line", "vline"));
        Assert.Equal("valley", WithClass(doc, "text", "vline-label").Single().Value);
    }

    [Fact]
    public void NiceTicks_log_adds_multiples_within_a_single_decade()
    {
        var ticks = NiceTicks.Log(1.5, 9);
        Assert.Equal([2.0, 5.0], ticks);
    }

    [Fact]
    public void Bars_draw_one_rect_per_value_side_by_side()
    {
        var doc = Render(new Figure()
            .Add(new Bar(["a", "b", "c"], [1, 3, 2]) { Name = "x" })
            .Add(new Bar(["a", "b", "c"], [2, 2, 2]) { Name = "y" }));
        var bars = WithClass(doc, "rect", "bar").ToList();
        Assert.Equal(6, bars.Count);
        Assert.Equal(["a", "b", "c"], WithClass(doc, "text", "xtick").Select(t => t.Value));
        // Bars of the same category do not overlap.
        double firstEnd = (double)bars[0].Attribute("x")! + (double)bars[0].Attribute("width")!;
        Assert.True((double)bars[3].Attribute("x")! >= firstEnd);
        // Taller value, taller bar.
        Assert.True((double)bars[1].Attribute("height")! > (double)bars[0].Attribute("height")!);
    }

    [Fact]
    public void Heatmap_draws_a_cell_per_value_with_text_and_colour_map()
    {
        var heatmap = new Heatmap(new double[,] { { 0, 1, 2 }, { 3, 4, 5 } })
        {
            X = ["p", "q", "r"],
            Y = ["row0", "row1"],
            Text = [["0", "1", "2"], ["3", "4", "5"]],
        };
        var doc = Render(new Figure().Add(heatmap));
        var cells = WithClass(doc, "rect", "cell").ToList();
        Assert.Equal(6, cells.Count);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], WithClass(doc, "text", "cell-text").Select(t => t.Value));
        Assert.Equal("#440154", (string)cells[0].Attribute("fill")!); // minimum -> start of viridis
        Assert.Equal("#fde725", (string)cells[5].Attribute("fill")!); // maximum -> end of viridis
        // Row 0 is at the bottom unless the axis is reversed (Plotly's convention).
        Assert.True((double)cells[0].Attribute("y")! > (double)cells[3].Attribute("y")!);

        var reversed = Render(new Figure { Layout = { YAxis = { Reversed = true } } }.Add(heatmap));
        var flipped = WithClass(reversed, "rect", "cell").ToList();
        Assert.True((double)flipped[0].Attribute("y")! < (double)flipped[3].Attribute("y")!);
    }

    [Fact]
    public void Image_trace_embeds_a_png()
    {
        var doc = Render(new Figure().Add(new ImageTrace(new byte[4 * 3 * 3], 4, 3)));
        var image = doc.Descendants(Svg + "image").Single();
        Assert.StartsWith("data:image/png;base64,", (string)image.Attribute("href")!);
        var ratio = (double)image.Attribute("width")! / (double)image.Attribute("height")!;
        Assert.True(ratio > 0);
    }

    [Fact]
    public void Annotations_draw_a_point_and_label()
    {
        var doc = Render(new Figure().Add(new Scatter([0, 1], [0, 1])).AddAnnotation(0.5, 0.5, "min <here>"));
        Assert.Single(WithClass(doc, "circle", "annotation-point"));
        Assert.Equal("min <here>", WithClass(doc, "text", "annotation").Single().Value);
    }

    [Fact]
    public void Empty_figure_still_renders()
    {
        var doc = Render(new Figure());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
    }
}
