using System.Text.Json.Nodes;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Collab;

/// <summary>
/// fastai's <c>collab_learner</c>. With <c>using static NotebookDL.Collab.CollabLearners;</c> (preloaded in the
/// kernel): <c>CollabLearner(dls, nFactors: 50, yRange: (0, 5.5))</c>.
/// </summary>
public static class CollabLearners
{
    private const string FactoryName = "NotebookDL.Collab.DotProductBias";
    private const string NNFactoryName = "NotebookDL.Collab.EmbeddingNN";

#pragma warning disable CA2255 // Registered when the assembly loads, so Learner.Load rebuilds collab models in a fresh process.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterFactories()
    {
        ModelRegistry.Register(FactoryName, a => new DotProductBias((int)a["nUsers"]!, (int)a["nItems"]!, (int)a["nFactors"]!, Range(a)));
        ModelRegistry.Register(NNFactoryName, a => EmbeddingNN((int)a["nUsers"]!, (int)a["nItems"]!,
            a["layers"]!.AsArray().Select(l => (int)l!).ToList(), Range(a)));
    }

    private static (double, double)? Range(JsonObject a) => a["yRange"] is JsonArray r ? ((double)r[0]!, (double)r[1]!) : null;

    /// <summary>
    /// fastai's EmbeddingNN: the user's and the item's embeddings (widths by fastai's rule) concatenated and passed
    /// through Linear-ReLU-BatchNorm layers to one output — a <see cref="TabularModel"/> without continuous columns.
    /// </summary>
    public static TabularModel EmbeddingNN(int nUsers, int nItems, IReadOnlyList<int> layers, (double Low, double High)? yRange = null) =>
        new([(nUsers, TabularModel.EmbSizeRule(nUsers)), (nItems, TabularModel.EmbSizeRule(nItems))], nCont: 0, outSize: 1, layers, yRange: yRange);

    /// <summary>
    /// A Learner over <see cref="DotProductBias"/> (or, with <paramref name="useNN"/>, <see cref="EmbeddingNN"/>) sized
    /// from the data's vocabularies, MSE loss, fastai's AdamW. Train with weight decay, e.g. <c>FitOneCycle(5, 5e-3, wd: 0.1)</c>.
    /// </summary>
    /// <param name="dls">From <see cref="CollabDataLoaders.FromDataFrame"/>.</param>
    /// <param name="nFactors">Factors per user and item (dot-product model).</param>
    /// <param name="yRange">Rating range; slightly wider than the ratings (0 to 5.5 for 0.5-5 stars) so the sigmoid can reach them.</param>
    /// <param name="useNN">The neural variant instead of the dot product.</param>
    /// <param name="layers">Hidden widths of the neural variant; [100] when null.</param>
    /// <param name="metrics">Validation metrics; RMSE when null.</param>
    /// <param name="wd">Weight decay.</param>
    /// <param name="lr">Default learning rate.</param>
    /// <param name="progress">Show live progress.</param>
    public static CollabLearner CollabLearner(CollabDataLoaders dls, int nFactors = 50, (double Low, double High)? yRange = null, bool useNN = false,
        IReadOnlyList<int>? layers = null, IEnumerable<IMetric>? metrics = null, double? wd = null, double? lr = null, bool progress = true)
    {
        ArgumentNullException.ThrowIfNull(dls);
        var cards = dls.Processor.Cardinalities;
        var args = new JsonObject
        {
            ["nUsers"] = cards[0],
            ["nItems"] = cards[1],
            ["yRange"] = yRange is var (low, high) ? new JsonArray(low, high) : null,
        };
        if (useNN) args["layers"] = new JsonArray((layers ?? [100]).Select(l => (JsonNode?)l).ToArray());
        else args["nFactors"] = nFactors;
        var model = ModelRegistry.Create(useNN ? NNFactoryName : FactoryName, args);
        return new CollabLearner(dls, model, LossFunction.Mse, metrics: metrics ?? [Metrics.Rmse], wd: wd, lr: lr, progress: progress);
    }
}
