using NotebookDL.Learning;
using NotebookDL.Tabular;

namespace NotebookDL.Collab;

/// <summary>
/// A Learner over ratings: biases, factors, nearest items and recommendations are its members; rating
/// predictions of new (user, item) rows come from <see cref="RowLearner"/> (the user and item vocabularies are its
/// <see cref="RowLearner.Processor"/>).
/// Build one with <see cref="CollabLearners.CollabLearner"/> (fastai's <c>collab_learner</c>), with this constructor for
/// a model of your own over (user code, item code) pairs, or load an export with <c>Learner.Load&lt;CollabLearner&gt;</c>.
/// </summary>
public sealed partial class CollabLearner : RowLearner
{
    /// <param name="dls">The ratings' loaders; their processor maps ids to codes.</param>
    /// <param name="model">Maps (user code, item code) pairs (N, 2) to ratings (N, 1).</param>
    /// <param name="lossFunc">MSE when null.</param>
    /// <param name="optFunc">fastai's AdamW when null.</param>
    /// <param name="metrics">Computed on the validation set after each epoch.</param>
    /// <param name="wd">Weight decay.</param>
    /// <param name="cbs">Extra callbacks kept for every fit.</param>
    /// <param name="lr">Default learning rate.</param>
    /// <param name="progress">Show live progress.</param>
    public CollabLearner(CollabDataLoaders dls, nn.Module<Tensor, Tensor> model, LossFunction? lossFunc = null, OptFunc? optFunc = null,
        IEnumerable<IMetric>? metrics = null, double? wd = null, IEnumerable<ICallback>? cbs = null, double? lr = null, bool progress = true)
        : base(dls, model, lossFunc ?? LossFunction.Mse, optFunc, metrics, wd, cbs, lr, progress)
    {
    }

    private CollabLearner(SavedLearner saved)
        : base(saved)
    {
    }

    // Learner.Load rebuilds an exported collaborative-filtering learner with its user and item vocabularies.
#pragma warning disable CA2255 // registered when the assembly loads, so Learner.Load in a fresh process knows the kind
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterExportKind() => RegisterKind(nameof(CollabLearner), saved => new CollabLearner(saved));
#pragma warning restore CA2255
}
