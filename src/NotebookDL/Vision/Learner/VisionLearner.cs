using NotebookDL.Data;
using NotebookDL.Learning;

namespace NotebookDL.Vision;

/// <summary>
/// A Learner over image data: the verbs that need images (results, test-time augmentation, heatmaps, predicting a
/// picture file) are its members, so they appear only where they work. Build one with
/// <see cref="Learners.VisionLearner"/> (fastai's <c>vision_learner</c>: a pretrained body and a new head) or, for a
/// model of your own, with this constructor.
/// <example><code>
/// using var learn = new VisionLearner(dls, new SimpleCnn(), metrics: [Metrics.Accuracy]);
/// learn.FitOneCycle(3, 3e-3);
/// learn.ShowResults();
/// </code></example>
/// </summary>
public sealed partial class VisionLearner : Learner
{
    private DataLoaders dls;

    /// <param name="dls">Image data (ImageDataLoaders).</param>
    /// <param name="model">Maps image batches (N, C, H, W) to class scores.</param>
    /// <param name="lossFunc">Cross entropy when null.</param>
    /// <param name="optFunc">fastai's AdamW when null.</param>
    /// <param name="metrics">Computed on the validation set after each epoch.</param>
    /// <param name="wd">Weight decay.</param>
    /// <param name="cbs">Extra callbacks kept for every fit.</param>
    /// <param name="splitter">Layer groups; one group when null.</param>
    /// <param name="lr">Default learning rate.</param>
    /// <param name="trainBn">Keep batch norms trainable when frozen.</param>
    /// <param name="progress">Show live progress.</param>
    public VisionLearner(DataLoaders dls, nn.Module<Tensor, Tensor> model, LossFunction? lossFunc = null, OptFunc? optFunc = null,
        IEnumerable<IMetric>? metrics = null, double? wd = null, IEnumerable<ICallback>? cbs = null, Splitter? splitter = null,
        double? lr = null, bool? trainBn = null, bool progress = true)
        : base(dls, model, lossFunc ?? LossFunction.CrossEntropy, optFunc, metrics, wd, cbs, splitter, lr, trainBn, progress)
    {
        this.dls = dls;
    }

    /// <summary>The image data. Setting it also sets what the training loop reads.</summary>
    public new DataLoaders Dls
    {
        get => dls;
        set
        {
            dls = value ?? throw new ArgumentNullException(nameof(value));
            base.Dls = value;
        }
    }

    // Learner.Load rebuilds an exported vision learner with empty loaders (set Dls to train further) and its picture pipeline.
#pragma warning disable CA2255 // registered when the assembly loads, so Learner.Load in a fresh process knows the kind
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterExportKind() => RegisterKind(nameof(VisionLearner),
        saved =>
        {
            var learn = new VisionLearner(DataLoaders.Empty(saved.Vocab), saved.Model, saved.Loss, progress: false) { ItemTransform = saved.ItemTransform };
            if (saved.Meta["image"] is System.Text.Json.Nodes.JsonObject image) learn.Pipeline = ImagePipeline.FromJson(image);
            return learn;
        });
#pragma warning restore CA2255
}
