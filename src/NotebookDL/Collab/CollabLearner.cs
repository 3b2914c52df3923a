using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Tabular;

namespace NotebookDL.Collab;

/// <summary>
/// A Learner over ratings: biases, factors, nearest items, recommendations and rating predictions are its members.
/// Build one with <see cref="CollabLearners.CollabLearner"/> (fastai's <c>collab_learner</c>), with this constructor for
/// a model of your own over (user code, item code) pairs, or load an export with <c>Learner.Load&lt;CollabLearner&gt;</c>.
/// </summary>
public sealed partial class CollabLearner : Learner
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
        : base(dls, model, lossFunc ?? LossFunction.Mse, optFunc, metrics, wd, cbs, lr: lr, progress: progress)
    {
        Processor = dls.Processor;
        ItemTransform = Processor;
    }

    private CollabLearner(SavedLearner saved, TabularProcessor processor)
        : base(DataLoaders.Empty(saved.Vocab), saved.Model, saved.Loss, progress: false)
    {
        Processor = processor;
        ItemTransform = processor;
    }

    /// <summary>The user and item vocabularies (Categorify on the two id columns), fitted on the training ratings.</summary>
    public TabularProcessor Processor { get; }

    /// <summary>Predicted ratings of new (user, item) rows: a frame with <c>{rating}_pred</c>.</summary>
    public DataFrame Predict(DataFrame rows) => TabularPredictions.Predict(this, Processor, rows);

    // Learner.Load rebuilds an exported collaborative-filtering learner with its user and item vocabularies.
#pragma warning disable CA2255 // registered when the assembly loads, so Learner.Load in a fresh process knows the kind
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterExportKind() => RegisterKind(nameof(CollabLearner), saved => new CollabLearner(saved,
        saved.ItemTransform as TabularProcessor ?? throw new InvalidDataException("The exported learner holds no user and item vocabularies.")));
#pragma warning restore CA2255
}
