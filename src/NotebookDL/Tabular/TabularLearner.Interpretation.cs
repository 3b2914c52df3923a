using Microsoft.Data.Analysis;
using NotebookDL.Display.Plotting;
using NotebookDL.Interpret;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Tabular;

/// <summary>How much the model leans on one input column: its loss with that column shuffled against its loss intact.</summary>
/// <param name="Column">The input column (a categorical column's codes or a continuous column).</param>
/// <param name="BaseLoss">Loss on the rows with every column intact.</param>
/// <param name="ShuffledLoss">Loss with this column's values permuted across the rows.</param>
public sealed record FeatureImportance(string Column, double BaseLoss, double ShuffledLoss)
{
    /// <summary>The loss increase; near 0 means the model does not use the column.</summary>
    public double Importance => ShuffledLoss - BaseLoss;
}

/// <summary>Looking inside a trained tabular model: permutation importance and embeddings in two dimensions.</summary>
public partial class TabularLearner
{
    /// <summary>
    /// Permutation importance (Breiman 2001): for each input column, the rows of <paramref name="df"/> given by
    /// <paramref name="rows"/> (typically the validation rows) are scored with that column's values shuffled
    /// across rows, breaking its link with the target while keeping its distribution. Sorted, most important first.
    /// </summary>
    public IReadOnlyList<FeatureImportance> PermutationImportance(DataFrame df, IReadOnlyList<long> rows, int seed = 0)
    {
        var processor = Processor;
        using var scope = torch.NewDisposeScope();
        var x = processor.EncodeX(df, rows);
        var y = processor.EncodeY(df, rows);
        var names = processor.CatNames.Concat(processor.ContNames).ToList();
        var baseLoss = LossOn(x, y);
        var generator = new torch.Generator((ulong)seed);
        var result = new List<FeatureImportance>();
        for (var c = 0; c < names.Count; c++)
        {
            var shuffled = x.clone();
            var order = torch.randperm(x.shape[0], generator: generator);
            shuffled[.., c] = x[.., c].index_select(0, order);
            result.Add(new FeatureImportance(names[c], baseLoss, LossOn(shuffled, y)));
        }
        return [.. result.OrderByDescending(r => r.Importance)];
    }

    /// <summary>
    /// The learned embedding of categorical column <paramref name="column"/> projected on its first two principal
    /// components, each category labelled (with <paramref name="labels"/>' text where given, e.g. brand names).
    /// Categories close together are ones the model treats alike. #na# is left out.
    /// </summary>
    public Figure EmbeddingPca(string column, IReadOnlyDictionary<string, string>? labels = null)
    {
        var processor = Processor;
        var model = Model as TabularModel ?? throw new InvalidOperationException("EmbeddingPca needs a TabularModel.");
        var index = processor.CatNames.IndexOf(column);
        if (index < 0) throw new ArgumentException($"\"{column}\" is not a categorical column ({string.Join(", ", processor.CatNames)}).", nameof(column));
        var classes = processor.Categorify!.Classes(column);
        using var categories = model.Embeddings[index].weight!.detach()[1..];
        var names = classes.Skip(1).Select(name => labels?.GetValueOrDefault(name) ?? name).ToList();
        return Pca.Plot(categories, names, $"Embedding of {column}: first two principal components");
    }

    private double LossOn(Tensor x, Tensor y)
    {
        Model.eval();
        using var _ = torch.no_grad();
        using var output = Model.call(x);
        using var loss = LossFunc.Call(output, y);
        return loss.item<float>();
    }
}

/// <summary>Pictures of permutation importances.</summary>
public static class FeatureImportances
{
    /// <summary>The importances as a bar chart, most important first.</summary>
    public static Figure Plot(this IReadOnlyList<FeatureImportance> importances, string lossName = "loss") =>
        new Figure
        {
            Layout = { Title = "Permutation importance", XAxis = { Title = "input column" }, YAxis = { Title = $"{lossName} increase when shuffled" }, Width = 760 },
        }.Add(new Bar(importances.Select(i => i.Column), importances.Select(i => i.Importance)));
}
