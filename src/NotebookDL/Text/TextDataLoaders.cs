using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Text;

/// <summary>
/// fastai's TextDataLoaders: texts tokenized (<see cref="Tokenizer"/>) and numericalized (<see cref="Numericalize"/>),
/// served either as a language model's stream (<see cref="ForLanguageModel"/>) or as labelled documents for a
/// classifier (<see cref="ForClassification"/>, which takes the language model's vocabulary so its encoder fits).
/// </summary>
public sealed class TextDataLoaders : DataLoaders
{
    private TextDataLoaders(BatchLoader train, BatchLoader valid, Tokenizer tokenizer, Numericalize numericalize, IReadOnlyList<string>? classes)
        : base(train, valid, classes is null ? null : Vocab.InOrder(classes))
    {
        (Tokenizer, Numericalize, Classes) = (tokenizer, numericalize, classes);
    }

    /// <summary>
    /// No batches, only what prediction needs: the tokenizer, the token vocabulary and (for a classifier) the classes. A
    /// loaded text learner's data.
    /// </summary>
    internal static TextDataLoaders Empty(Tokenizer tokenizer, Numericalize numericalize, IReadOnlyList<string>? classes) =>
        new(EmptyLoader(), EmptyLoader(), tokenizer, numericalize, classes);

    /// <summary>The class names of a classifier's data (index = label); null for a language model's.</summary>
    public IReadOnlyList<string>? Classes { get; }

    public Tokenizer Tokenizer { get; }

    /// <summary>The token vocabulary.</summary>
    public Numericalize Numericalize { get; }

    /// <summary>Whether these batches are a language model's (next-token targets) rather than a classifier's.</summary>
    public bool IsLanguageModel => Classes is null;

    /// <summary>
    /// A language model's data: the training texts' tokens build the vocabulary; both sets are streams cut into
    /// <paramref name="bs"/> rows read <paramref name="bptt"/> tokens at a time (<see cref="LanguageModelDataset"/>).
    /// </summary>
    public static TextDataLoaders ForLanguageModel(IReadOnlyList<string> trainTexts, IReadOnlyList<string> validTexts, int bs = 64, int bptt = 70,
        int minFreq = 3, int maxVocab = 60_000, int? seed = null, Tokenizer? tokenizer = null, Numericalize? numericalize = null, Device? device = null)
    {
        CheckTexts(trainTexts, nameof(trainTexts));
        CheckTexts(validTexts, nameof(validTexts));
        tokenizer ??= Tokenizer.Default;
        var trainTokens = tokenizer.TokenizeAll(trainTexts);
        var validTokens = tokenizer.TokenizeAll(validTexts);
        numericalize ??= Numericalize.FromTokens(trainTokens, minFreq, maxVocab);
        var trainSet = new LanguageModelDataset(trainTokens.Select(numericalize.Encode).ToList(), bs, bptt, training: true);
        var validSet = new LanguageModelDataset(validTokens.Select(numericalize.Encode).ToList(), bs, bptt);
        var train = new BatchLoader(trainSet, bs, numWorkers: 0, seed: seed, device: device, training: true, sampler: trainSet);
        var valid = new BatchLoader(validSet, bs, numWorkers: 0, seed: train.Seed, device: device, training: false, sampler: validSet);
        return new TextDataLoaders(train, valid, tokenizer, numericalize, null);
    }

    /// <summary>
    /// A classifier's data: documents with labels, padded per batch (<see cref="TextClassificationDataset"/>), in
    /// batches of similar length (<see cref="SortishSampler"/>). Pass the
    /// language model's <paramref name="numericalize"/> so the fine-tuned encoder reads the same token ids; without
    /// it the training texts build a vocabulary of their own.
    /// </summary>
    public static TextDataLoaders ForClassification(IReadOnlyList<string> trainTexts, IReadOnlyList<string> trainLabels,
        IReadOnlyList<string> validTexts, IReadOnlyList<string> validLabels, Numericalize? numericalize = null, int bs = 64, int? seed = null,
        int minFreq = 3, int maxVocab = 60_000, Tokenizer? tokenizer = null, Device? device = null)
    {
        CheckTexts(trainTexts, nameof(trainTexts));
        CheckTexts(validTexts, nameof(validTexts));
        var classes = trainLabels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
            throw new ArgumentException($"The training labels have {classes.Count} class{(classes.Count == 1 ? $" (\"{classes[0]}\")" : "es")}; a classifier needs at least 2.", nameof(trainLabels));
        tokenizer ??= Tokenizer.Default;
        var trainTokens = tokenizer.TokenizeAll(trainTexts);
        var validTokens = tokenizer.TokenizeAll(validTexts);
        numericalize ??= Numericalize.FromTokens(trainTokens, minFreq, maxVocab);
        var trainSet = new TextClassificationDataset(trainTokens.Select(numericalize.Encode).ToList(), Labels(trainLabels, trainTexts.Count, classes, nameof(trainLabels)), Numericalize.PadId);
        var validSet = new TextClassificationDataset(validTokens.Select(numericalize.Encode).ToList(), Labels(validLabels, validTexts.Count, classes, nameof(validLabels)), Numericalize.PadId);
        var train = new BatchLoader(trainSet, bs, numWorkers: 0, seed: seed, device: device, training: true, sampler: new SortishSampler(trainSet.Lengths, bs, shuffle: true));
        var valid = new BatchLoader(validSet, bs, numWorkers: 0, seed: train.Seed, device: device, training: false, sampler: new SortishSampler(validSet.Lengths, bs, shuffle: false));
        return new TextDataLoaders(train, valid, tokenizer, numericalize, classes);
    }

    /// <summary>
    /// The first rows of a training batch decoded back to tokens, as a table (fastai's <c>show_batch</c>): a language
    /// model's input and target streams ("text", "text_"), or a classifier's document without its padding and its
    /// label ("text", "category").
    /// </summary>
    public DataFrame ShowBatch(int n = 4, int maxTokens = 40)
    {
        using var scope = torch.NewDisposeScope(); // the batch and each row's index tensors; the table holds only strings
        using var batch = Train.OneBatch();
        var (texts, targets) = (new List<string>(), new List<string>());
        for (var r = 0; r < Math.Min(n, batch.X.shape[0]); r++)
        {
            var ids = batch.X[r].data<long>().ToArray().Where(id => IsLanguageModel || id != Numericalize.PadId).Take(maxTokens);
            texts.Add(Numericalize.Decode(ids));
            targets.Add(IsLanguageModel ? Numericalize.Decode(batch.Y[r].data<long>().ToArray().Take(maxTokens)) : Classes![(int)batch.Y[r].item<long>()]);
        }
        return new DataFrame(new StringDataFrameColumn("text", texts), new StringDataFrameColumn(IsLanguageModel ? "text_" : "category", targets));
    }

    private static void CheckTexts(IReadOnlyList<string> texts, string name)
    {
        ArgumentNullException.ThrowIfNull(texts, name);
        if (texts.Count == 0) throw new ArgumentException("No texts given.", name);
        for (var i = 0; i < texts.Count; i++)
            if (string.IsNullOrWhiteSpace(texts[i])) throw new ArgumentException($"Text {i} is empty; drop or fill empty texts first.", name);
    }

    private static long[] Labels(IReadOnlyList<string> labels, int count, List<string> classes, string name)
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        if (labels.Count != count) throw new ArgumentException($"{labels.Count} labels for {count} texts.", name);
        return labels.Select((l, i) => classes.IndexOf(l) is var k and >= 0 ? (long)k
            : throw new ArgumentException($"Label \"{l}\" of text {i} is not among the training labels ({string.Join(", ", classes)}).", name)).ToArray();
    }
}
