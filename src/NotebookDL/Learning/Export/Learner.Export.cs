using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookDL.Data;

namespace NotebookDL.Learning;

// Export/Load: one zip holding "model.pt" (the state dict in PyTorch's torch.save format, loadable in Python) and
// "learner.json" (model factory + arguments, loss name, vocab, item transform). Constraint: the model factory (and
// any custom item transform) must be registered under the same name in the process that loads the file.
public partial class Learner
{
    private const string FormatName = "notebookdl-learner";

    /// <summary>Saves what <see cref="Predict"/> needs (weights, architecture spec, vocab, item transform) to <paramref name="path"/>.</summary>
    public void Export(string path)
    {
        var spec = ModelSpec ?? throw new InvalidOperationException(
            "Export needs to know how to rebuild the model: create it with ModelRegistry.Create(name, args) (after ModelRegistry.Register) " +
            "or set learn.ModelSpec; for VisionLearner, name the architecture first with Learners.RegisterArch(name, arch).");
        if (LossFunc.Name == "custom")
            throw new InvalidOperationException("Export cannot save a custom loss delegate; use a built-in LossFunction (CrossEntropy, MSE, L1, BCEWithLogits).");
        var meta = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = 1,
            ["learner"] = GetType().Name,
            ["model"] = new JsonObject { ["factory"] = spec.Factory, ["args"] = spec.Args.DeepClone() },
            ["loss"] = LossFunc.Name,
            ["vocab"] = Dls.Vocab is { } vocab ? new JsonArray(vocab.Select(v => (JsonNode?)v).ToArray()) : null,
            ["itemTransform"] = ItemTransform is { } tfm ? new JsonObject { ["name"] = tfm.Name, ["args"] = tfm.ToJson() } : null,
        };
        ExportExtras(meta);
        // torch.save writes to a path; stage the weights in a temp file and copy them into the archive.
        var weights = Path.GetTempFileName();
        try
        {
            PyTorchFiles.Save(Model.state_dict(), weights);
            if (File.Exists(path)) File.Delete(path);
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            zip.CreateEntryFromFile(weights, "model.pt", CompressionLevel.NoCompression);
            using var writer = new StreamWriter(zip.CreateEntry("learner.json").Open());
            writer.Write(meta.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        finally
        {
            File.Delete(weights);
        }
    }

    /// <summary>What a typed learner adds to learner.json so that its kind's rebuild (<see cref="RegisterKind"/>) has it.</summary>
    private protected virtual void ExportExtras(JsonObject meta) { }

    private static readonly ConcurrentDictionary<string, Func<SavedLearner, Learner>> Kinds = new();

    /// <summary>
    /// Loads a learner saved by <see cref="Export"/> as the kind it was saved from (a <c>TabularLearner</c> comes back
    /// a TabularLearner, with its domain's verbs), ready to predict; its data loaders are empty (attach real ones to
    /// train further). The model factory must be registered in <see cref="ModelRegistry"/>. A text learner comes back
    /// with its tokenizer and token vocabulary, ready to <c>Predict(text)</c>.
    /// </summary>
    public static Learner Load(string path) => Rebuild(ReadExport(path));

    /// <summary>
    /// <see cref="Load(string)"/>, typed: <c>Learner.Load&lt;TabularLearner&gt;(path)</c>. Refuses, by name, a file
    /// exported from another kind of learner.
    /// </summary>
    public static T Load<T>(string path) where T : Learner
    {
        var saved = ReadExport(path);
        var learn = Rebuild(saved);
        if (learn is T typed) return typed;
        learn.Dispose();
        throw new InvalidDataException($"'{path}' was exported from a {saved.Kind}, not a {typeof(T).Name}: load it with Learner.Load<{saved.Kind}> (or Learner.Load for tensors only).");
    }

    private static Learner Rebuild(SavedLearner saved) => Kinds.TryGetValue(saved.Kind, out var rebuild) ? rebuild(saved)
        : new Learner(DataLoaders.Empty(saved.Vocab), saved.Model, saved.Loss, progress: false) { ItemTransform = saved.ItemTransform };

    /// <summary>How <see cref="Load(string)"/> rebuilds a learner exported from <paramref name="kind"/> (a typed learner's class name).</summary>
    private protected static void RegisterKind(string kind, Func<SavedLearner, Learner> rebuild) => Kinds[kind] = rebuild;

    /// <summary>
    /// What an export holds, rebuilt: the model with its weights, the loss, the class names, the item transform, the kind
    /// of learner and the whole learner.json (for what <see cref="ExportExtras"/> added).
    /// </summary>
    private protected sealed record SavedLearner(nn.Module<Tensor, Tensor> Model, LossFunction Loss, IReadOnlyList<string>? Vocab, IItemTransform? ItemTransform, string Kind,
        JsonObject Meta);

    private static SavedLearner ReadExport(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Exported learner not found: '{path}'.", path);
        using var zip = ZipFile.OpenRead(path);
        var metaEntry = zip.GetEntry("learner.json") ?? throw new InvalidDataException($"'{path}' is not an exported learner: it has no learner.json.");
        JsonObject meta;
        using (var stream = metaEntry.Open()) meta = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException($"'{path}': learner.json is empty.");
        if ((string?)meta["format"] != FormatName) throw new InvalidDataException($"'{path}': learner.json has format '{meta["format"]}', expected '{FormatName}'.");
        var kind = (string?)meta["learner"] ?? nameof(Learner);

        var factory = (string)meta["model"]!["factory"]!;
        var model = ModelRegistry.Create(factory, meta["model"]!["args"]!.AsObject());
        var weights = Path.GetTempFileName();
        try
        {
            (zip.GetEntry("model.pt") ?? throw new InvalidDataException($"'{path}' has no model.pt.")).ExtractToFile(weights, overwrite: true);
            var state = PyTorchFiles.Load(weights);
            StateDicts.Load(model, state);
            foreach (var t in state.Values) t.Dispose();
        }
        finally
        {
            File.Delete(weights);
        }
        var vocab = meta["vocab"]?.AsArray().Select(v => (string)v!).ToList();
        var itemTransform = meta["itemTransform"] is JsonObject tfm ? ItemTransforms.Create((string)tfm["name"]!, tfm["args"]!.AsObject()) : null;
        return new SavedLearner(model, LossFunction.FromName((string)meta["loss"]!), vocab, itemTransform, kind, meta);
    }
}
