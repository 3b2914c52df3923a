using System.Text.Json.Nodes;
using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Learning.Data;
using NotebookDL.Models;

namespace NotebookDL.Vision;

using Models = NotebookDL.Models.Models;

/// <summary>
/// Learner factories for vision (fastai's <c>vision_learner</c>). With <c>using static NotebookDL.Vision.Learners;</c>
/// (preloaded in the kernel) a lesson writes <c>VisionLearner(dls, Models.ResNet18, metrics: [Metrics.Accuracy])</c>.
/// </summary>
public static class Learners
{
    private const string FactoryName = "NotebookDL.Vision.VisionModel";

    // The architectures an exported learner can rebuild by name (the Func itself cannot be saved).
    private static readonly Dictionary<string, Func<nn.Module<Tensor, Tensor>>> KnownArchs = new()
    {
        ["ResNet18"] = Models.ResNet18,
        ["ResNet34"] = Models.ResNet34,
        ["ResNet50"] = Models.ResNet50,
    };

    /// <summary>
    /// Registers the vision-model factory when the assembly loads, so <c>Learner.Load</c> of an exported vision learner
    /// works in a fresh process before anything else here has run.
    /// </summary>
#pragma warning disable CA2255 // A library module initializer on purpose: the registry must be filled before any Load.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterFactory() =>
        ModelRegistry.Register(FactoryName, a => Models.VisionModel(KnownArchs[(string)a["arch"]!], (long)a["nOut"]!, nIn: (long)a["nIn"]!));

    /// <summary>
    /// A classifier Learner over a CNN: <see cref="Models.VisionModel"/> (the architecture's body, cut before its
    /// pooling, plus fastai's head), split into layer groups by <see cref="Models.ResNetSplit"/> (stem..layer2,
    /// layer3..layer4, head) for ResNets, cross-entropy loss and fastai's AdamW. With <paramref name="pretrained"/>
    /// the body is frozen (only the head and batch norms train) until <c>Unfreeze()</c>.
    /// </summary>
    /// <param name="dls">The data; the classes come from its vocab, the input channels from a batch.</param>
    /// <param name="arch">The architecture, e.g. <c>Models.ResNet18</c>.</param>
    /// <param name="pretrained">Path of weights to start from: a torchvision state dict of <paramref name="arch"/>, or
    /// a state dict of a vision model saved with <c>torch.save(learn.Model.state_dict(), path)</c> (its body is
    /// kept, its head replaced, so the classes may differ). Null trains from scratch.</param>
    /// <param name="metrics">Validation metrics, e.g. <c>[Metrics.Accuracy]</c>.</param>
    /// <param name="nIn">Input channels; read from the first training batch when null.</param>
    /// <param name="nOut">Outputs; the vocab's size when null.</param>
    /// <param name="lossFunc">Cross entropy when null.</param>
    /// <param name="optFunc">fastai's AdamW when null.</param>
    /// <param name="lr">Default learning rate.</param>
    /// <param name="wd">Weight decay.</param>
    /// <param name="cbs">Extra callbacks kept for every fit.</param>
    /// <param name="head">create_head options.</param>
    /// <param name="cut">Where to cut the architecture into a body.</param>
    /// <param name="trainBn">Keep batch norms trainable when frozen.</param>
    /// <param name="progress">Show live progress.</param>
    /// <param name="channelsLast">Store the model's convolution weights channels-last (<see cref="ChannelsLast"/>):
    /// the same results, and a ResNet-18 training step 1.25x faster on this CPU. False keeps PyTorch's default layout.</param>
    /// <example><code>
    /// var learn = VisionLearner(dls, Models.ResNet18, metrics: [Metrics.Accuracy]);
    /// learn.FitOneCycle(3, 3e-3);
    /// </code></example>
    public static Learner VisionLearner(IDataLoaders dls, Func<nn.Module<Tensor, Tensor>> arch, string? pretrained = null,
        IEnumerable<IMetric>? metrics = null, long? nIn = null, long? nOut = null, LossFunction? lossFunc = null, OptFunc? optFunc = null,
        double? lr = null, double? wd = null, IEnumerable<ICallback>? cbs = null, HeadOptions? head = null, int? cut = null,
        bool? trainBn = null, bool progress = true, bool channelsLast = true)
    {
        ArgumentNullException.ThrowIfNull(dls);
        ArgumentNullException.ThrowIfNull(arch);
        var outputs = nOut ?? dls.Vocab?.Count ?? throw new ArgumentException(
            "The data has no vocab, so the number of classes is unknown: pass nOut.", nameof(nOut));
        var channels = nIn ?? InputChannels(dls);
        var model = BuildModel(arch, outputs, channels, pretrained, head, cut);
        if (channelsLast) model.ToChannelsLast();
        Splitter splitter = IsResNetBody(model) ? Models.ResNetSplit : Models.DefaultSplit;
        var learn = new Learner(dls, model, lossFunc ?? LossFunction.CrossEntropy, optFunc, metrics, wd, cbs, splitter, lr, trainBn, progress);
        if (pretrained is not null) learn.Freeze();
        return learn;
    }

    private static nn.Module<Tensor, Tensor> BuildModel(Func<nn.Module<Tensor, Tensor>> arch, long nOut, long nIn, string? pretrained, HeadOptions? head, int? cut)
    {
        var archName = KnownArchs.FirstOrDefault(kv => kv.Value.Method == arch.Method).Key;
        // Through the registry when possible, so that learn.Export() knows how to rebuild the model.
        nn.Module<Tensor, Tensor> model = archName is not null && head is null && cut is null
            ? ModelRegistry.Create(FactoryName, new JsonObject { ["arch"] = archName, ["nOut"] = nOut, ["nIn"] = nIn })
            : Models.VisionModel(arch, nOut, nIn: nIn, cut: cut, head: head);
        if (pretrained is null) return model;
        if (PretrainedBody.TryLoad((BodyHeadModel)model, pretrained)) return model;
        // A torchvision file: VisionModel adapts the first convolution to nIn itself. The export spec is lost
        // (the weights are in the model, not in the factory), which is fine: Export saves the trained weights.
        model.Dispose();
        return Models.VisionModel(arch, nOut, pretrained, nIn, cut, head);
    }

    /// <summary>Channels of the first training batch's images (peeked without starting an epoch where possible).</summary>
    private static long InputChannels(IDataLoaders dls)
    {
        if (dls is DataLoaders ours)
        {
            using var batch = ours.OneBatch();
            return ChannelsOf(batch.X);
        }
        using var e = dls.Train.GetEnumerator();
        if (!e.MoveNext()) throw new ArgumentException("The training loader is empty, so the input channels are unknown: pass nIn.", nameof(dls));
        using var first = e.Current;
        return ChannelsOf(first.X);
    }

    private static long ChannelsOf(Tensor x) => x.dim() == 4 ? x.shape[1]
        : throw new ArgumentException($"Expected image batches (N, C, H, W), got shape [{string.Join(", ", x.shape)}].");

    private static bool IsResNetBody(nn.Module model) =>
        model is BodyHeadModel { Body: { Count: >= 7 } body } && body.modules().Any(m => m is BasicBlock or Bottleneck);
}
