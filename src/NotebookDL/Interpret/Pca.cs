using NotebookDL.Engine;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Interpret;

/// <summary>Embeddings or factors (one row per category) seen in two dimensions: their first two principal components.</summary>
public static class Pca
{
    /// <summary>
    /// Rows of <paramref name="weights"/> (n, d) centred and projected on their first two principal components, with
    /// the share of variance each component explains.
    /// </summary>
    public static (double[] X, double[] Y, double Explained1, double Explained2) Project2(Tensor weights)
    {
        if (weights.ndim != 2 || weights.shape[0] < 2 || weights.shape[1] < 2)
            throw new ArgumentException($"PCA needs at least two rows of at least two dimensions, got [{string.Join(", ", weights.shape)}].", nameof(weights));
        using var scope = torch.NewDisposeScope();
        var w = weights.detach().cpu().to(ScalarType.Float64);
        var centred = w - w.mean([0], keepdim: true);
        var (_, s, vh) = torch.linalg.svd(centred, fullMatrices: false);
        var projected = NativeGuards.matmul(centred, vh[..2].t());
        var explained = s.square() / s.square().sum();
        return (projected[.., 0].data<double>().ToArray(), projected[.., 1].data<double>().ToArray(), explained[0].item<double>(), explained[1].item<double>());
    }

    /// <summary>
    /// A scatter of <paramref name="labels"/>' rows of <paramref name="weights"/> on their first two components. Points are
    /// labelled farthest from the centre first, and a label that would overlap one already placed is left off (the title
    /// says how many are shown): the extremes, which give a component its meaning, keep their names and a crowded
    /// centre stays readable.
    /// </summary>
    public static Figure Plot(Tensor weights, IReadOnlyList<string> labels, string title)
    {
        var (xs, ys, e1, e2) = Project2(weights);
        if (labels.Count != xs.Length) throw new ArgumentException($"{labels.Count} labels for {xs.Length} rows.", nameof(labels));
        var figure = new Figure
        {
            Layout =
            {
                XAxis = { Title = $"PC1 ({e1:P0} of variance)" },
                YAxis = { Title = $"PC2 ({e2:P0} of variance)" },
                ShowLegend = false,
                // Room for many labels (the course plots 50 movie titles).
                Width = labels.Count > 20 ? 960 : 640,
                Height = labels.Count > 20 ? 720 : 400,
            },
        };
        figure.Add(new Scatter(xs, ys, ScatterMode.Markers));
        // Labels are written to the right of their points: leave room for them inside the plot.
        var (xMin, xMax, yMin, yMax) = (xs.Min(), xs.Max(), ys.Min(), ys.Max());
        figure.Layout.XAxis.Range = (xMin - 0.08 * (xMax - xMin), xMax + 0.45 * (xMax - xMin));
        figure.Layout.YAxis.Range = (yMin - 0.1 * (yMax - yMin), yMax + 0.12 * (yMax - yMin));
        var shown = LabelsThatFit(xs, ys, labels, figure.Layout);
        foreach (var i in shown) figure.AddAnnotation(xs[i], ys[i], labels[i], "#1f77b4");
        figure.Layout.Title = shown.Count == labels.Count ? title : $"{title} ({shown.Count} of {labels.Count} labelled; the rest overlap)";
        return figure;
    }

    /// <summary>
    /// Indices of the points whose labels fit without overlapping, farthest from the centre first. Label boxes are
    /// estimated in pixels as the SVG draws an annotation (8 px right of and above its point, at 11 px)
    /// inside the plot area a titled figure with axis titles gets.
    /// </summary>
    internal static List<int> LabelsThatFit(double[] xs, double[] ys, IReadOnlyList<string> labels, Layout layout)
    {
        const double TextHeight = 12, Gap = 2;
        var (x0, x1) = layout.XAxis.Range!.Value;
        var (y0, y1) = layout.YAxis.Range!.Value;
        double width = layout.Width - 105, height = layout.Height - 103;
        double Px(int i) => (xs[i] - x0) / (x1 - x0) * width;
        double Py(int i) => (y1 - ys[i]) / (y1 - y0) * height;
        var boxes = new List<(double Left, double Top, double Right, double Bottom)>();
        var shown = new List<int>();
        foreach (var i in Enumerable.Range(0, xs.Length).OrderByDescending(i => xs[i] * xs[i] + ys[i] * ys[i]))
        {
            var box = (Left: Px(i) + 8 - Gap, Top: Py(i) - 8 - TextHeight + 3 - Gap, Right: Px(i) + 8 + TextWidth.Of(labels[i]) + Gap, Bottom: Py(i) - 8 + 3 + Gap);
            if (boxes.Any(b => box.Left < b.Right && b.Left < box.Right && box.Top < b.Bottom && b.Top < box.Bottom)) continue;
            boxes.Add(box);
            shown.Add(i);
        }
        shown.Sort();
        return shown;
    }
}
