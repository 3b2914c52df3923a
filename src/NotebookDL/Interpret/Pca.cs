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

    /// <summary>A scatter of <paramref name="labels"/>' rows of <paramref name="weights"/> on their first two components, each point labelled.</summary>
    public static Figure Plot(Tensor weights, IReadOnlyList<string> labels, string title)
    {
        var (xs, ys, e1, e2) = Project2(weights);
        if (labels.Count != xs.Length) throw new ArgumentException($"{labels.Count} labels for {xs.Length} rows.", nameof(labels));
        var figure = new Figure
        {
            Layout =
            {
                Title = title,
                XAxis = { Title = $"PC1 ({e1:P0} of variance)" },
                YAxis = { Title = $"PC2 ({e2:P0} of variance)" },
                ShowLegend = false,
                // Room for many labels (the course plots 50 movie titles).
                Width = labels.Count > 20 ? 960 : 640,
                Height = labels.Count > 20 ? 720 : 400,
            },
        };
        figure.Add(new Scatter(xs, ys, ScatterMode.Markers));
        for (var i = 0; i < xs.Length; i++) figure.AddAnnotation(xs[i], ys[i], labels[i], "#1f77b4");
        // Labels are written to the right of their points: leave room for them inside the plot.
        var (xMin, xMax, yMin, yMax) = (xs.Min(), xs.Max(), ys.Min(), ys.Max());
        figure.Layout.XAxis.Range = (xMin - 0.08 * (xMax - xMin), xMax + 0.45 * (xMax - xMin));
        figure.Layout.YAxis.Range = (yMin - 0.1 * (yMax - yMin), yMax + 0.12 * (yMax - yMin));
        return figure;
    }
}
