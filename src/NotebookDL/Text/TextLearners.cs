using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>
/// AWD-LSTM's sizes and dropouts (fastai's <c>awd_lstm_lm_config</c> and <c>awd_lstm_clas_config</c>), and the range of its
/// initial embedding weights (<see cref="AwdLstm"/>'s <c>initRange</c>).
/// </summary>
public sealed record AwdLstmConfig(long EmbSize = 400, long NHidden = 1152, int NLayers = 3, double OutputP = 0.1, double HiddenP = 0.15,
    double InputP = 0.25, double EmbedP = 0.02, double WeightP = 0.2, double InitRange = 0.1)
{
    /// <summary>fastai's language-model defaults.</summary>
    public static AwdLstmConfig LanguageModel { get; } = new();

    /// <summary>fastai's classifier defaults (more dropout: a classifier has far fewer targets per document).</summary>
    public static AwdLstmConfig Classifier { get; } = new(OutputP: 0.4, HiddenP: 0.3, InputP: 0.4, EmbedP: 0.05, WeightP: 0.5);

    /// <summary>An encoder with these sizes and dropouts, each multiplied by <paramref name="dropMult"/>.</summary>
    public AwdLstm Encoder(long vocabSize, double dropMult = 1) =>
        new(vocabSize, EmbSize, NHidden, NLayers, HiddenP * dropMult, InputP * dropMult, EmbedP * dropMult, WeightP * dropMult, InitRange);
}

/// <summary>
/// fastai's <c>language_model_learner</c> and <c>text_classifier_learner</c>. With <c>using static NotebookDL.Text.TextLearners;</c>:
/// <c>LanguageModelLearner(dls, dropMult: 0.3)</c>, then <c>TextClassifierLearner(clsDls, encoder: "austen-encoder.pt")</c>.
/// </summary>
public static class TextLearners
{
    /// <summary>
    /// Momentum of the text learners' one-cycle fits: fastai's <c>TextLearner</c> default, lower than the 0.95/0.85/0.95
    /// of other learners.
    /// </summary>
    public static (double Start, double Middle, double End) Moms { get; } = (0.8, 0.7, 0.8);

    private const string LanguageModelFactory = "NotebookDL.Text.LanguageModel";
    private const string ClassifierFactory = "NotebookDL.Text.TextClassifier";

    /// <summary>
    /// Registers the text models' factories when the assembly loads, so that <c>Learner.Load</c> of an exported text
    /// learner rebuilds its model in a fresh process.
    /// </summary>
#pragma warning disable CA2255 // A library module initializer on purpose: the registry must be filled before any Load.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterFactories()
    {
        ModelRegistry.Register(LanguageModelFactory, a =>
        {
            var (config, dropMult) = (ConfigOf(a), (double)a["dropMult"]!);
            return new LanguageModel(config.Encoder((long)a["vocab"]!, dropMult), config.OutputP * dropMult);
        });
        ModelRegistry.Register(ClassifierFactory, a =>
        {
            var (config, dropMult) = (ConfigOf(a), (double)a["dropMult"]!);
            return new TextClassifier(config.Encoder((long)a["vocab"]!, dropMult), (int)a["nClasses"]!, (int)a["bptt"]!, ps: (0.4 * dropMult, 0.1 * dropMult));
        });
    }

    private static AwdLstmConfig ConfigOf(JsonObject args) =>
        args["config"]?.Deserialize<AwdLstmConfig>() ?? throw new InvalidDataException("A text model's spec has no AWD-LSTM config.");

    private static JsonObject Spec(long vocab, AwdLstmConfig config, double dropMult) =>
        new() { ["vocab"] = vocab, ["config"] = JsonSerializer.SerializeToNode(config), ["dropMult"] = dropMult };

    /// <summary>
    /// A Learner over an AWD-LSTM <see cref="LanguageModel"/> sized to the data's vocabulary: cross entropy on the next
    /// token, accuracy and perplexity, the hidden state reset at the start of each training and validation pass, AR and
    /// TAR (<see cref="RnnRegularizer"/>, weights <c>alpha</c> and <c>beta</c> as fastai's 2 and 1; 0 turns either off),
    /// momentum <see cref="Moms"/>, and layer groups per LSTM layer (embedding and decoder last) for discriminative
    /// learning rates.
    /// </summary>
    public static LanguageModelLearner LanguageModelLearner(TextDataLoaders dls, AwdLstmConfig? config = null, double dropMult = 1, IEnumerable<IMetric>? metrics = null,
        double? wd = null, double alpha = 2, double beta = 1, bool progress = true)
    {
        ArgumentNullException.ThrowIfNull(dls);
        if (!dls.IsLanguageModel) throw new ArgumentException("These data loaders are a classifier's; build them with TextDataLoaders.ForLanguageModel.", nameof(dls));
        config ??= AwdLstmConfig.LanguageModel;
        var model = ModelRegistry.Create(LanguageModelFactory, Spec(dls.Numericalize.Vocab.Count, config, dropMult));
        return Wrap(dls, (LanguageModel)model, metrics, wd, alpha, beta, progress);
    }

    /// <summary>The language model learner around <paramref name="model"/>: its metrics, callbacks and layer groups.</summary>
    internal static LanguageModelLearner Wrap(TextDataLoaders dls, LanguageModel model, IEnumerable<IMetric>? metrics = null, double? wd = null,
        double alpha = 2, double beta = 1, bool progress = true) =>
        new(dls, model, metrics ?? [Metrics.Accuracy, new Perplexity()], wd, [new ModelResetter(), new RnnRegularizer(alpha, beta)], LanguageModelSplit, progress);

    /// <summary>The classifier learner around <paramref name="model"/>: its metrics, callbacks and layer groups.</summary>
    internal static TextClassifierLearner Wrap(TextDataLoaders dls, TextClassifier model, IEnumerable<IMetric>? metrics = null, double? wd = null,
        double alpha = 2, double beta = 1, bool progress = true) =>
        new(dls, model, metrics ?? [Metrics.Accuracy], wd, [new RnnRegularizer(alpha, beta)], ClassifierSplit, progress);

    /// <summary>
    /// A Learner over a <see cref="TextClassifier"/>: its encoder loaded from <paramref name="encoder"/> (a file written by
    /// <see cref="TextLearner.SaveEncoder"/> from a language model trained on the same vocabulary) or, when null, random — the
    /// from-scratch baseline. Starts frozen: only the head trains until <c>FreezeTo(-2)</c>, <c>FreezeTo(-3)</c>, <c>Unfreeze()</c>
    /// (ULMFiT's gradual unfreezing). Layer groups: embedding, each LSTM layer, head. AR and TAR on the encoder's outputs
    /// and momentum <see cref="Moms"/>, as the language model's.
    /// </summary>
    public static TextClassifierLearner TextClassifierLearner(TextDataLoaders dls, string? encoder = null, AwdLstmConfig? config = null, double dropMult = 1,
        IEnumerable<IMetric>? metrics = null, double? wd = null, int bptt = 72, double alpha = 2, double beta = 1, bool progress = true)
    {
        ArgumentNullException.ThrowIfNull(dls);
        if (dls.IsLanguageModel) throw new ArgumentException("These data loaders are a language model's; build them with TextDataLoaders.ForClassification.", nameof(dls));
        config ??= AwdLstmConfig.Classifier;
        var spec = Spec(dls.Numericalize.Vocab.Count, config, dropMult);
        spec["nClasses"] = dls.Classes!.Count;
        spec["bptt"] = bptt;
        var model = ModelRegistry.Create(ClassifierFactory, spec);
        var learn = Wrap(dls, (TextClassifier)model, metrics, wd, alpha, beta, progress);
        if (encoder is not null)
        {
            learn.LoadEncoder(encoder);
            learn.Freeze();
        }
        return learn;
    }

    private static IReadOnlyList<IReadOnlyList<Tensor>> LanguageModelSplit(nn.Module model)
    {
        var lm = (LanguageModel)model;
        var groups = lm.Encoder.Layers.Select(l => (IReadOnlyList<Tensor>)l.parameters().ToList()).ToList();
        groups.Add([lm.Encoder.Encoder.weight!, lm.DecoderBias]);
        return groups;
    }

    private static IReadOnlyList<IReadOnlyList<Tensor>> ClassifierSplit(nn.Module model)
    {
        var classifier = (TextClassifier)model;
        var groups = new List<IReadOnlyList<Tensor>> { classifier.Encoder.Encoder.parameters().ToList() };
        groups.AddRange(classifier.Encoder.Layers.Select(l => (IReadOnlyList<Tensor>)l.parameters().ToList()));
        groups.Add(classifier.Head.parameters().ToList());
        return groups;
    }
}
