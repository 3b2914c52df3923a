using NotebookDL.Display;
using NotebookDL.Display.Imaging;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Vision;

/// <summary>A confusion matrix: <c>Counts[actual, predicted]</c> and the class names of its rows and columns.</summary>
public sealed record ConfusionMatrix(long[,] Counts, IReadOnlyList<string> Classes)
{
    /// <summary>Items on the diagonal over all items.</summary>
    public double Accuracy
    {
        get
        {
            long hits = 0, total = 0;
            for (var i = 0; i < Classes.Count; i++)
                for (var j = 0; j < Classes.Count; j++)
                {
                    total += Counts[i, j];
                    if (i == j) hits += Counts[i, j];
                }
            return total == 0 ? double.NaN : (double)hits / total;
        }
    }
}

/// <summary>One off-diagonal cell of the confusion matrix: <see cref="Count"/> items of <see cref="Actual"/> predicted as <see cref="Predicted"/>.</summary>
public sealed record Confusion(string Actual, string Predicted, long Count);

public sealed partial class ClassificationInterpretation
{
    /// <summary>Counts of (actual, predicted) class pairs.</summary>
    public ConfusionMatrix ConfusionMatrix()
    {
        var counts = new long[Vocab.Count, Vocab.Count];
        for (var i = 0; i < Count; i++) counts[Targets[i], Decoded[i]]++;
        return new ConfusionMatrix(counts, Vocab);
    }

    /// <summary>
    /// The confusion matrix as a heatmap with the count in every cell, actual classes down, predicted across
    /// (Plotly figure with a static SVG).
    /// </summary>
    public Figure PlotConfusionMatrix(ColorMap? colorMap = null)
    {
        var cm = ConfusionMatrix();
        var n = Vocab.Count;
        var z = new double[n][];
        var text = new string[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[n];
            text[i] = new string[n];
            for (var j = 0; j < n; j++)
            {
                z[i][j] = cm.Counts[i, j];
                text[i][j] = cm.Counts[i, j].ToString();
            }
        }
        var size = Math.Max(420, 60 + 48 * n);
        var figure = new Figure
        {
            Layout =
            {
                Title = "Confusion matrix", Width = size + 120, Height = size,
                // Reversed y: the first class on top, so the diagonal runs from top left to bottom right, as usual.
                XAxis = { Title = "Predicted" }, YAxis = { Title = "Actual", Reversed = true },
            },
        };
        figure.Add(new Heatmap(z) { X = Vocab, Y = Vocab, Text = text, ColorMap = colorMap ?? ColorMap.Viridis });
        return figure;
    }

    /// <summary>
    /// The off-diagonal cells with at least <paramref name="minVal"/> items, most frequent first (ties by actual,
    /// then predicted class order): which classes the model mixes up.
    /// </summary>
    public IReadOnlyList<Confusion> MostConfused(int minVal = 1)
    {
        var cm = ConfusionMatrix();
        var cells = new List<(int I, int J, long Count)>();
        for (var i = 0; i < Vocab.Count; i++)
            for (var j = 0; j < Vocab.Count; j++)
                if (i != j && cm.Counts[i, j] >= minVal && cm.Counts[i, j] > 0) cells.Add((i, j, cm.Counts[i, j]));
        return cells.OrderByDescending(c => c.Count).ThenBy(c => c.I).ThenBy(c => c.J)
            .Select(c => new Confusion(Vocab[c.I], Vocab[c.J], c.Count)).ToList();
    }
}
