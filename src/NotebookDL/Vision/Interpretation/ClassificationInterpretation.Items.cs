using System.Globalization;
using NotebookDL.Display;

namespace NotebookDL.Vision;

/// <summary>One item picked by an interpretation view, with what the model said about it.</summary>
/// <param name="Index">Position in the interpreted data set.</param>
/// <param name="Actual">True class.</param>
/// <param name="Predicted">Predicted class.</param>
/// <param name="Loss">The item's loss.</param>
/// <param name="Probability">Probability the model gave the <em>actual</em> class.</param>
public sealed record InterpretedItem(int Index, string Actual, string Predicted, double Loss, double Probability)
{
    /// <summary>fastai's top-losses caption: "predicted/actual / loss / probability of the actual class".</summary>
    public string Caption => string.Create(CultureInfo.InvariantCulture, $"{Predicted}/{Actual} / {Loss:F2} / {Probability:F2}");
}

// Picking items: top losses (fastai) and the course's per-class views (most correct, most incorrect, most uncertain).
public sealed partial class ClassificationInterpretation
{
    /// <summary>The <paramref name="k"/> highest losses, highest first, and the indices of their items.</summary>
    public (double[] Losses, int[] Indices) TopLosses(int k = 9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var order = Enumerable.Range(0, Count).OrderByDescending(i => Losses[i]).ThenBy(i => i).Take(k).ToArray();
        return (order.Select(i => Losses[i]).ToArray(), order);
    }

    /// <summary>The items of class <paramref name="cls"/> predicted right, most confident first (the course's "most correct cats").</summary>
    public IReadOnlyList<InterpretedItem> MostCorrect(string cls, int n = 4)
    {
        var c = ClassIndex(cls);
        return Pick(i => Targets[i] == c && Decoded[i] == c, i => -Probs[i][c], n);
    }

    /// <summary>
    /// The items of class <paramref name="cls"/> predicted wrong, those the model was surest about first (lowest
    /// probability for <paramref name="cls"/>; the course's "most incorrect cats").
    /// </summary>
    public IReadOnlyList<InterpretedItem> MostIncorrect(string cls, int n = 4)
    {
        var c = ClassIndex(cls);
        return Pick(i => Targets[i] == c && Decoded[i] != c, i => Probs[i][c], n);
    }

    /// <summary>
    /// The items the model hesitated most on: the smallest gap between its two most probable classes (with two
    /// classes, the course's probability closest to 0.5). With <paramref name="cls"/>, only items of that class.
    /// </summary>
    public IReadOnlyList<InterpretedItem> MostUncertain(int n = 4, string? cls = null)
    {
        long? c = cls is null ? null : ClassIndex(cls);
        return Pick(i => c is null || Targets[i] == c, Margin, n);
    }

    /// <summary>Describes item <paramref name="index"/>.</summary>
    public InterpretedItem Describe(int index) =>
        new(index, Vocab[(int)Targets[index]], Vocab[(int)Decoded[index]], Losses[index], Probs[index][Targets[index]]);

    /// <summary>Shows <paramref name="items"/> as an image grid captioned "predicted/actual / loss / probability".</summary>
    public MimeBundle ShowItems(IReadOnlyList<InterpretedItem> items, string? title = null) =>
        ItemImages.Grid(Items, items.Select(i => (i.Index, i.Caption)).ToList(), title);

    /// <summary>fastai's plot_top_losses: the <paramref name="k"/> worst items as images with predicted/actual/loss/probability.</summary>
    public MimeBundle PlotTopLosses(int k = 9) =>
        ShowItems(TopLosses(k).Indices.Select(Describe).ToList(), "Prediction/Actual/Loss/Probability");

    private IReadOnlyList<InterpretedItem> Pick(Func<int, bool> where, Func<int, double> key, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return Enumerable.Range(0, Count).Where(where).OrderBy(key).ThenBy(i => i).Take(n).Select(Describe).ToList();
    }

    private double Margin(int i)
    {
        var sorted = Probs[i].OrderDescending().ToArray();
        return sorted.Length < 2 ? 0 : sorted[0] - sorted[1];
    }

    private long ClassIndex(string cls)
    {
        for (var i = 0; i < Vocab.Count; i++) if (Vocab[i] == cls) return i;
        throw new ArgumentException($"Unknown class '{cls}'; the classes are [{string.Join(", ", Vocab)}].", nameof(cls));
    }
}
