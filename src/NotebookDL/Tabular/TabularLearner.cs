using NotebookDL.Learning;

namespace NotebookDL.Tabular;

/// <summary>
/// A Learner over a table: predicting new rows, permutation importance and embedding pictures are its members (prediction
/// of rows comes from <see cref="RowLearner"/>). Build
/// one with <see cref="TabularLearners.TabularLearner"/> (fastai's <c>tabular_learner</c>) or load an export with
/// <c>Learner.Load&lt;TabularLearner&gt;</c>; both keep the fitted <see cref="RowLearner.Processor"/>, so new rows are encoded as the training rows were.
/// </summary>
public sealed partial class TabularLearner : RowLearner
{
    /// <param name="dls">The table's loaders; their processor encodes new rows.</param>
    /// <param name="model">Maps (categorical codes, continuous values) rows to outputs, e.g. <see cref="Architectures.TabularModel"/>.</param>
    /// <param name="lossFunc">The loss.</param>
    /// <param name="optFunc">fastai's AdamW when null.</param>
    /// <param name="metrics">Computed on the validation set after each epoch.</param>
    /// <param name="wd">Weight decay.</param>
    /// <param name="cbs">Extra callbacks kept for every fit.</param>
    /// <param name="lr">Default learning rate.</param>
    /// <param name="progress">Show live progress.</param>
    public TabularLearner(TabularDataLoaders dls, nn.Module<Tensor, Tensor> model, LossFunction lossFunc, OptFunc? optFunc = null,
        IEnumerable<IMetric>? metrics = null, double? wd = null, IEnumerable<ICallback>? cbs = null, double? lr = null, bool progress = true)
        : base(dls, model, lossFunc, optFunc, metrics, wd, cbs, lr, progress)
    {
    }

    private TabularLearner(SavedLearner saved)
        : base(saved)
    {
    }

    // Learner.Load rebuilds an exported tabular learner with its processor, ready to Predict(rows).
#pragma warning disable CA2255 // registered when the assembly loads, so Learner.Load in a fresh process knows the kind
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterExportKind() => RegisterKind(nameof(TabularLearner), saved => new TabularLearner(saved));
#pragma warning restore CA2255
}
