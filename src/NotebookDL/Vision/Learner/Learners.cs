using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Vision;

using Models = NotebookDL.Architectures.Models;

/// <summary>
/// Learner factories for vision (fastai's <c>vision_learner</c>). With <c>using static NotebookDL.Vision.Learners;</c>
/// (preloaded in the kernel) a lesson writes <c>VisionLearner(dls, Models.ResNet18, metrics: [Metrics.Accuracy])</c>.
/// </summary>
public static class Learners
{
    private const string FactoryName = "NotebookDL.Vision.VisionModel";

    // The architectures an exported learner can rebuild by name (a Func cannot be saved): ours, and those a user
    // names with RegisterArch (TorchVision's models, their own).
    private static readonly ConcurrentDictionary<string, Func<nn.Module<Tensor, Tensor>>> Archs = new(
    [
        new("ResNet18", Models.ResNet18),
        new("ResNet34", Models.ResNet34),
        new("ResNet50", Models.ResNet50),
        new("ImageNetResNet18", ImageNetResNet18.Architecture),
    ]);

    /// <summary>
    /// Names an architecture so that a learner built on it can be exported and loaded (fastai's pickled <c>arch</c>; a
    /// .NET delegate cannot be saved). Register the same name in the process that calls <c>Learner.Load</c>.
    /// Returns <paramref name="arch"/>, to pass to <see cref="VisionLearner"/>.
    /// <example><code>
    /// var arch = RegisterArch("torchvision.resnet18", () => torchvision.models.resnet18());
    /// var learn = VisionLearner(dls, arch, metrics: [Metrics.Accuracy]);
    /// </code></example>
    /// </summary>
    public static Func<nn.Module<Tensor, Tensor>> RegisterArch(string name, Func<nn.Module<Tensor, Tensor>> arch)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Archs[name] = arch ?? throw new ArgumentNullException(nameof(arch));
        return arch;
    }

    private static Func<nn.Module<Tensor, Tensor>> ArchNamed(string name) =>
        Archs.TryGetValue(name, out var arch) ? arch : throw new KeyNotFoundException(
            $"No vision architecture named '{name}' is registered: call Learners.RegisterArch(\"{name}\", () => ...) before Learner.Load. " +
            $"Registered: [{string.Join(", ", Archs.Keys.Order())}].");

    // Delegate equality: the same method on the same target (a method group such as Models.ResNet18, or the very
    // lambda that was registered).
    private static string? NameOf(Func<nn.Module<Tensor, Tensor>> arch) => Archs.FirstOrDefault(kv => kv.Value.Equals(arch)).Key;

    /// <summary>
    /// Registers the vision-model factory when the assembly loads, so <c>Learner.Load</c> of an exported vision learner
    /// works in a fresh process before anything else here has run.
    /// </summary>
#pragma warning disable CA2255 // A library module initializer on purpose: the registry must be filled before any Load.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterFactory() =>
        ModelRegistry.Register(FactoryName, a => Models.VisionModel(ArchNamed((string)a["arch"]!), (long)a["nOut"]!, nIn: (long)a["nIn"]!,
            cut: (int?)a["cut"], head: a["head"] is { } head ? head.Deserialize<HeadOptions>() : null));

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
    public static VisionLearner VisionLearner(DataLoaders dls, Func<nn.Module<Tensor, Tensor>> arch, string? pretrained = null,
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
        var learn = new VisionLearner(dls, model, lossFunc, optFunc, metrics, wd, cbs, splitter, lr, trainBn, progress);
        if (pretrained is not null) learn.Freeze();
        return learn;
    }

    private static nn.Module<Tensor, Tensor> BuildModel(Func<nn.Module<Tensor, Tensor>> arch, long nOut, long nIn, string? pretrained, HeadOptions? head, int? cut)
    {
        // Through the registry when the architecture has a name, so that learn.Export() knows how to rebuild the model.
        var archName = NameOf(arch);
        var spec = archName is null ? null : new JsonObject
        {
            ["arch"] = archName, ["nOut"] = nOut, ["nIn"] = nIn, ["cut"] = cut,
            ["head"] = head is null ? null : JsonSerializer.SerializeToNode(head),
        };
        var model = spec is not null ? ModelRegistry.Create(FactoryName, spec) : Models.VisionModel(arch, nOut, nIn: nIn, cut: cut, head: head);
        if (pretrained is null) return model;
        if (PretrainedBody.TryLoad((BodyHeadModel)model, pretrained)) return model;
        // A torchvision file: VisionModel adapts the first convolution to nIn itself. The factory rebuilds the same
        // architecture without the file (Export saves the trained weights), so the spec still holds.
        model.Dispose();
        var fromFile = Models.VisionModel(arch, nOut, pretrained, nIn, cut, head);
        if (spec is not null) ModelRegistry.Remember(fromFile, new ModelSpec(FactoryName, spec));
        return fromFile;
    }

    /// <summary>Channels of the first training batch's images (peeked without starting an epoch where possible).</summary>
    private static long InputChannels(DataLoaders dls)
    {
        if (dls.Train.Count == 0) throw new ArgumentException("The training loader is empty, so the input channels are unknown: pass nIn.", nameof(dls));
        using var batch = dls.OneBatch();
        return ChannelsOf(batch.X);
    }

    private static long ChannelsOf(Tensor x) => x.dim() == 4 ? x.shape[1]
        : throw new ArgumentException($"Expected image batches (N, C, H, W), got shape [{string.Join(", ", x.shape)}].");

    private static bool IsResNetBody(nn.Module model) =>
        model is BodyHeadModel { Body: { Count: >= 7 } body } && body.modules().Any(m => m is BasicBlock or Bottleneck);
}
