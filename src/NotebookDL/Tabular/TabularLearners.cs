using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Tabular;

/// <summary>
/// fastai's <c>tabular_learner</c>. With <c>using static NotebookDL.Tabular.TabularLearners;</c> (preloaded in the
/// kernel) a lesson writes <c>TabularLearner(dls, layers: [1000, 500], yRange: (0, 12), metrics: [Metrics.ExpRmspe])</c>.
/// </summary>
public static class TabularLearners
{
    private const string FactoryName = "NotebookDL.Tabular.TabularModel";

#pragma warning disable CA2255 // Registered when the assembly loads, so Learner.Load rebuilds tabular models in a fresh process.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterFactory() => ModelRegistry.Register(FactoryName, a => new TabularModel(
        a["embSizes"]!.AsArray().Select(e => ((int)e![0]!, (int)e[1]!)).ToList(),
        (int)a["nCont"]!, (int)a["nOut"]!,
        a["layers"]!.AsArray().Select(l => (int)l!).ToList(),
        a["ps"]!.AsArray().Select(p => (double)p!).ToList(),
        (double)a["embDrop"]!,
        a["yRange"] is JsonArray r ? ((double)r[0]!, (double)r[1]!) : null));

    /// <summary>
    /// A Learner over a <see cref="TabularModel"/> sized from the data: one embedding per categorical column (width
    /// by <see cref="TabularModel.EmbSizeRule"/> unless given), the continuous columns, one output per regression
    /// target or per class. Loss: MSE for regression, cross entropy for classes; optimizer fastai's AdamW.
    /// The data's processor becomes the learner's item transform, so <c>Export</c> keeps the fitted procs.
    /// </summary>
    /// <param name="dls">From <see cref="TabularDataLoaders.FromDataFrame"/>.</param>
    /// <param name="layers">Hidden widths; fastai's default [200, 100].</param>
    /// <param name="ps">Dropout per hidden layer.</param>
    /// <param name="embDrop">Dropout on the embeddings.</param>
    /// <param name="yRange">Output range of a scaled sigmoid (regression), e.g. slightly wider than the targets' range.</param>
    /// <param name="embSizes">Embedding width for chosen columns, overriding the rule.</param>
    /// <param name="metrics">Validation metrics, e.g. <c>[Metrics.ExpRmspe]</c>.</param>
    /// <param name="lossFunc">MSE (regression) or cross entropy (classes) when null.</param>
    /// <param name="optFunc">fastai's AdamW when null.</param>
    /// <param name="lr">Default learning rate.</param>
    /// <param name="wd">Weight decay.</param>
    /// <param name="cbs">Extra callbacks.</param>
    /// <param name="progress">Show live progress.</param>
    public static TabularLearner TabularLearner(TabularDataLoaders dls, IReadOnlyList<int>? layers = null, IReadOnlyList<double>? ps = null,
        double embDrop = 0, (double Low, double High)? yRange = null, IReadOnlyDictionary<string, int>? embSizes = null,
        IEnumerable<IMetric>? metrics = null, LossFunction? lossFunc = null, OptFunc? optFunc = null, double? lr = null, double? wd = null,
        IEnumerable<ICallback>? cbs = null, bool progress = true)
    {
        ArgumentNullException.ThrowIfNull(dls);
        var processor = dls.Processor;
        layers ??= [200, 100];
        ps ??= Enumerable.Repeat(0.0, layers.Count).ToList();
        var unknown = embSizes?.Keys.FirstOrDefault(k => !processor.CatNames.Contains(k));
        if (unknown is not null) throw new ArgumentException($"embSizes names \"{unknown}\", which is not a categorical column ({string.Join(", ", processor.CatNames)}).", nameof(embSizes));
        var sizes = processor.CatNames.Zip(processor.Cardinalities,
            (name, n) => new JsonArray(n, embSizes?.GetValueOrDefault(name) is int w and > 0 ? w : TabularModel.EmbSizeRule(n))).ToArray();
        var classification = processor.YBlock == YBlock.Category;
        var args = new JsonObject
        {
            ["embSizes"] = new JsonArray(sizes),
            ["nCont"] = processor.ContNames.Count,
            ["nOut"] = classification ? processor.YVocab!.Count : processor.YNames.Count,
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode?)l).ToArray()),
            ["ps"] = new JsonArray(ps.Select(p => (JsonNode?)p).ToArray()),
            ["embDrop"] = embDrop,
            ["yRange"] = yRange is var (low, high) ? new JsonArray(low, high) : null,
        };
        var model = ModelRegistry.Create(FactoryName, args);
        var loss = lossFunc ?? (classification ? LossFunction.CrossEntropy : LossFunction.Mse);
        return new TabularLearner(dls, model, loss, optFunc, metrics, wd, cbs, lr, progress);
    }
}
