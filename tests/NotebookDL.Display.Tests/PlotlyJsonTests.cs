using System.Text.Json;
using NotebookDL.Display;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Display.Tests;

public class PlotlyJsonTests
{
    private static JsonElement Parse(Figure figure) => JsonDocument.Parse(figure.ToPlotlyJson()).RootElement;

    [Fact]
    public void Scatter_and_layout_follow_the_plotly_schema()
    {
        var figure = new Figure { Layout = { Title = "Loss", Width = 500, Height = 300, XAxis = { Title = "step" } } }
            .Add(new Scatter([1, 2, 3], [0.5, double.NaN, 0.25], ScatterMode.LinesAndMarkers) { Name = "train" });
        var root = Parse(figure);

        var trace = root.GetProperty("data")[0];
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines+markers", trace.GetProperty("mode").GetString());
        Assert.Equal("train", trace.GetProperty("name").GetString());
        Assert.Equal([1.0, 2.0, 3.0], trace.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("y")[1].ValueKind); // NaN is a gap, not invalid JSON

        var layout = root.GetProperty("layout");
        Assert.Equal("Loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(500, layout.GetProperty("width").GetInt32());
        Assert.Equal("step", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Log_axis_range_and_annotations_use_exponents_but_shapes_use_data_values()
    {
        var figure = new Figure { Layout = { XAxis = { Type = AxisType.Log, Range = (1e-7, 10) } } }
            .Add(new Scatter([1e-6, 1e-3, 1], [2, 1, 3]))
            .AddAnnotation(1e-3, 1, "valley")
            .AddVerticalLine(1e-4, "steep");
        var layout = Parse(figure).GetProperty("layout");

        var xaxis = layout.GetProperty("xaxis");
        Assert.Equal("log", xaxis.GetProperty("type").GetString());
        Assert.Equal(-7, xaxis.GetProperty("range")[0].GetDouble(), 9);
        Assert.Equal(1, xaxis.GetProperty("range")[1].GetDouble(), 9);

        var annotations = layout.GetProperty("annotations").EnumerateArray().ToList();
        var valley = annotations.Single(a => a.GetProperty("text").GetString() == "valley");
        Assert.Equal(-3, valley.GetProperty("x").GetDouble(), 9);
        Assert.Equal(1, valley.GetProperty("y").GetDouble(), 9); // y axis is linear

        var shape = layout.GetProperty("shapes")[0];
        Assert.Equal("line", shape.GetProperty("type").GetString());
        Assert.Equal(1e-4, shape.GetProperty("x0").GetDouble(), 12);
        Assert.Equal("paper", shape.GetProperty("yref").GetString());
        Assert.Contains(annotations, a => a.GetProperty("text").GetString() == "steep");
    }

    [Fact]
    public void Heatmap_carries_matrix_labels_colorscale_and_text()
    {
        var heatmap = new Heatmap(new double[,] { { 5, 1 }, { 0, 7 } })
        {
            X = ["cat", "dog"],
            Y = ["cat", "dog"],
            Text = [["5", "1"], ["0", "7"]],
        };
        var trace = Parse(new Figure().Add(heatmap)).GetProperty("data")[0];

        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(2, trace.GetProperty("z").GetArrayLength());
        Assert.Equal(7, trace.GetProperty("z")[1][1].GetDouble());
        Assert.Equal("dog", trace.GetProperty("x")[1].GetString());
        Assert.Equal("%{text}", trace.GetProperty("texttemplate").GetString());
        Assert.Equal("1", trace.GetProperty("text")[0][1].GetString());
        var scale = trace.GetProperty("colorscale");
        Assert.Equal(0, scale[0][0].GetDouble());
        Assert.Equal(1, scale[scale.GetArrayLength() - 1][0].GetDouble());
        Assert.Equal("#440154", scale[0][1].GetString()); // viridis' first colour
        Assert.Equal(0, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(7, trace.GetProperty("zmax").GetDouble());
    }

    [Fact]
    public void Bar_and_image_traces()
    {
        var figure = new Figure()
            .Add(new Bar(["a", "b"], [3, 4]) { Name = "counts" })
            .Add(new ImageTrace(new byte[2 * 2 * 3], 2, 2));
        var data = Parse(figure).GetProperty("data");
        Assert.Equal("bar", data[0].GetProperty("type").GetString());
        Assert.Equal("b", data[0].GetProperty("x")[1].GetString());
        Assert.Equal("image", data[1].GetProperty("type").GetString());
        Assert.StartsWith("data:image/png;base64,", data[1].GetProperty("source").GetString());
    }

    [Fact]
    public void Figure_bundle_has_plotly_svg_and_title_text_and_is_registered()
    {
        var figure = new Figure { Layout = { Title = "Accuracy" } }.Add(new Scatter([0, 1], [0, 1]));
        var bundle = Formatter.Format(figure);
        Assert.Equal("Figure: Accuracy", bundle.Data["text/plain"]);
        Assert.True(bundle.Data.ContainsKey("application/vnd.plotly.v1+json"));
        Assert.StartsWith("<svg", bundle.Data["image/svg+xml"]);
    }

    [Fact]
    public void Mismatched_lengths_name_the_trace()
    {
        var figure = new Figure().Add(new Scatter([1, 2], [1]) { Name = "oops" });
        var error = Assert.Throws<InvalidOperationException>(figure.ToPlotlyJson);
        Assert.Contains("oops", error.Message);
    }
}
