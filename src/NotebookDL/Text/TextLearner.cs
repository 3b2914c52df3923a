using System.Text.Json.Nodes;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>
/// A Learner over text (fastai's <c>TextLearner</c>): an AWD-LSTM model, the data's tokenizer and vocabulary, and the
/// encoder's save and load (how ULMFiT passes a fine-tuned language model to its classifier). Built by
/// <see cref="TextLearners.LanguageModelLearner"/> and <see cref="TextLearners.TextClassifierLearner"/>.
/// </summary>
public abstract class TextLearner : Learner
{
    private TextDataLoaders dls;

    private protected TextLearner(TextDataLoaders dls, nn.Module<Tensor, Tensor> model, AwdLstm encoder, IEnumerable<IMetric> metrics, double? wd,
        IEnumerable<ICallback> cbs, Splitter splitter, bool progress)
        : base(dls, model, LossFunction.CrossEntropy, metrics: metrics, wd: wd, cbs: cbs, splitter: splitter, progress: progress)
    {
        this.dls = dls;
        Encoder = encoder;
        Moms = TextLearners.Moms;
    }

    /// <summary>The text data (tokenizer, vocabulary, batches). Setting it also sets what the training loop reads.</summary>
    public new TextDataLoaders Dls
    {
        get => dls;
        set
        {
            dls = value ?? throw new ArgumentNullException(nameof(value));
            base.Dls = value;
        }
    }

    /// <summary>The AWD-LSTM encoder (embedding and LSTM layers) the language model and the classifier share.</summary>
    public AwdLstm Encoder { get; }

    /// <summary>Saves the encoder, for <see cref="TextLearners.TextClassifierLearner"/> (fastai's <c>save_encoder</c>).</summary>
    public void SaveEncoder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Serialization.PyTorchFiles.Save(Encoder.state_dict(), path);
    }

    /// <summary>Loads an encoder saved by <see cref="SaveEncoder"/>; the vocabulary and sizes must match.</summary>
    public void LoadEncoder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Encoder file not found: '{path}'. Save one with learn.SaveEncoder(path) from a language model learner.", path);
        var state = Serialization.PyTorchFiles.Load(path);
        var vocab = Encoder.Encoder.weight!.shape[0];
        if (state.TryGetValue("encoder.weight", out var embedding) && embedding.shape[0] != vocab)
            throw new ArgumentException($"The saved encoder has a vocabulary of {embedding.shape[0]:N0} tokens, this model {vocab:N0}: build the classifier's data with the language model's Numericalize.", nameof(path));
        Serialization.StateDicts.Load(Encoder, state);
    }

    // An exported text learner carries what turns a text into token ids: the tokenizer (by name: its rules are code) and
    // the token vocabulary, so the loaded learner predicts from text as the one in the notebook did.
    private protected override void ExportExtras(JsonObject meta)
    {
        if (!ReferenceEquals(Dls.Tokenizer, Tokenizer.Default))
            throw new InvalidOperationException(
                "Export saves the default tokenizer only (Tokenizer.Default): a custom tokenizer's rules are code and cannot be written to the file. " +
                "Save the weights with Serialization.PyTorchFiles.Save(learn.Model.state_dict(), path) instead, and rebuild the tokenizer in the loading process.");
        meta["text"] = new JsonObject
        {
            ["tokenizer"] = DefaultTokenizerName,
            ["tokens"] = new JsonArray(Dls.Numericalize.Vocab.Select(t => (JsonNode?)t).ToArray()),
            ["classes"] = Dls.Classes is { } classes ? new JsonArray(classes.Select(c => (JsonNode?)c).ToArray()) : null,
        };
    }

    private const string DefaultTokenizerName = "default";

    private static TextDataLoaders SavedData(SavedLearner saved)
    {
        var text = saved.Meta["text"] as JsonObject
            ?? throw new InvalidDataException("This text learner was exported without its tokenizer and vocabulary (an older file): export it again.");
        if ((string?)text["tokenizer"] != DefaultTokenizerName) throw new InvalidDataException($"Unknown tokenizer '{text["tokenizer"]}' in the exported text learner.");
        var tokens = text["tokens"]!.AsArray().Select(t => (string)t!).ToList();
        var classes = text["classes"]?.AsArray().Select(c => (string)c!).ToList();
        return TextDataLoaders.Empty(Tokenizer.Default, Numericalize.FromVocab(tokens), classes);
    }

#pragma warning disable CA2255 // registered when the assembly loads, so Learner.Load in a fresh process knows the kinds
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterExportKinds()
    {
        RegisterKind(nameof(LanguageModelLearner), saved => TextLearners.Wrap(SavedData(saved), (LanguageModel)saved.Model, progress: false));
        RegisterKind(nameof(TextClassifierLearner), saved => TextLearners.Wrap(SavedData(saved), (TextClassifier)saved.Model, progress: false));
    }
#pragma warning restore CA2255
}

/// <summary>A language model learner (fastai's <c>LMLearner</c>): next-token training, text generation, pretrained weights.</summary>
public sealed partial class LanguageModelLearner : TextLearner
{
    internal LanguageModelLearner(TextDataLoaders dls, LanguageModel model, IEnumerable<IMetric> metrics, double? wd, IEnumerable<ICallback> cbs,
        Splitter splitter, bool progress)
        : base(dls, model, model.Encoder, metrics, wd, cbs, splitter, progress)
    {
        LanguageModel = model;
    }

    /// <summary>The model: the encoder and its tied decoder.</summary>
    public LanguageModel LanguageModel { get; }
}

/// <summary>A text classifier learner: ULMFiT's second half, with prediction and interpretation of texts.</summary>
public sealed partial class TextClassifierLearner : TextLearner
{
    internal TextClassifierLearner(TextDataLoaders dls, TextClassifier model, IEnumerable<IMetric> metrics, double? wd, IEnumerable<ICallback> cbs,
        Splitter splitter, bool progress)
        : base(dls, model, model.Encoder, metrics, wd, cbs, splitter, progress)
    {
        Classifier = model;
    }

    /// <summary>The model: the encoder and its pooling head.</summary>
    public TextClassifier Classifier { get; }
}
