using NotebookDL.Display;
using NotebookDL.Learning;
using NotebookDL.Architectures;
using NotebookDL.Text;
using static NotebookDL.Text.TextLearners;

namespace NotebookDL.Tests.Text;

/// <summary>Language model and classifier learners end to end on a small constructed corpus.</summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class TextLearnerTests
{
    private const int Seed = 5;

    private static readonly AwdLstmConfig Tiny = new(EmbSize: 16, NHidden: 32, NLayers: 2, OutputP: 0, HiddenP: 0, InputP: 0, EmbedP: 0, WeightP: 0);

    private static List<string> Sentences(int n, int seed)
    {
        var random = new Random(seed);
        string[] animals = ["cat", "dog", "bird", "fish"], verbs = ["sat on", "ran past", "looked at"], things = ["the mat", "the log", "a tree"];
        return Enumerable.Range(0, n).Select(_ => $"The {animals[random.Next(4)]} {verbs[random.Next(3)]} {things[random.Next(3)]}. It was happy.").ToList();
    }

    [Fact]
    public void The_progress_bar_of_a_language_model_fit_ends_exactly_at_its_total()
    {
        // The language model's epochs differ by a few batches (fastai v1's varying bptt), so a total fixed at the start
        // from the first epoch's count ran past its end (435/424 in lesson 5).
        torch.manual_seed(0);
        var dls = TextDataLoaders.ForLanguageModel(Sentences(400, 1), Sentences(80, 2), bs: 4, bptt: 6, minFreq: 1, seed: 3);
        var output = new StringWriter();
        var counts = new EpochLengths();
        var learn = LanguageModelLearner(dls, Tiny, progress: false);
        learn.AddCbs([new ProgressCallback(new ProgressOptions { ConsoleOut = output }), counts]);

        using (DisplayContext.Use(null)) learn.Fit(6, 1e-3);

        Assert.True(counts.Train.Distinct().Count() > 1, $"the test needs epochs of different lengths, got {string.Join(", ", counts.Train)}");
        var display = learn.GetCallback<ProgressCallback>()!.Display!;
        Assert.Equal(display.Total, display.Value);
        Assert.DoesNotContain("interrupted", output.ToString());
    }

    [Fact]
    public void A_language_model_learns_the_corpus_reports_perplexity_and_generates_text()
    {
        torch.manual_seed(0);
        var dls = TextDataLoaders.ForLanguageModel(Sentences(400, 1), Sentences(80, 2), bs: 8, bptt: 12, minFreq: 1);
        var learn = LanguageModelLearner(dls, Tiny, progress: false);
        var before = learn.Validate();
        learn.FitOneCycle(8, 3e-2);
        var after = learn.Validate();
        // Only the animal, the verb and the thing are random: about 0.3 nats per token is the best possible.
        Assert.True(after.Loss < 0.8, $"valid loss {before.Loss:F3} -> {after.Loss:F3}");
        // Perplexity weighs batches by tokens, the loss by rows: equal up to the shorter last batch.
        Assert.InRange(after.Metrics["perplexity"] / Math.Exp(after.Loss), 0.98, 1.02);
        Assert.True(after.Metrics["accuracy"] > 0.5);
        var text = learn.Predict("The cat", 6, temperature: 0.5, seed: 1);
        Assert.StartsWith("The cat", text);
        Assert.InRange(Tokenizer.Default.Tokenize(text).Count - Tokenizer.Default.Tokenize("The cat").Count, 4, 8);   // 6 tokens, give or take how they re-tokenize
        Assert.Equal(text, learn.Predict("The cat", 6, temperature: 0.5, seed: 1));
    }

    [Fact]
    public void The_encoder_moves_to_a_classifier_that_unfreezes_gradually()
    {
        // Positive reviews mix positive words with neutral ones, negative reviews negative words with neutral ones: the
        // classes differ in many words, so the pooled features differ clearly (a constructed task a classifier must solve).
        var random = new Random(Seed);
        string[] positive = ["good", "great", "nice", "lovely", "fine"], negative = ["bad", "awful", "poor", "nasty", "dull"];
        string[] neutral = ["the", "cat", "dog", "sat", "on", "mat", "it", "was", "a", "tree"];
        string Review(string[] tone) => string.Join(" ", Enumerable.Range(0, random.Next(8, 16))
            .Select(_ => random.Next(3) == 0 ? tone[random.Next(tone.Length)] : neutral[random.Next(neutral.Length)])) + ".";
        (List<string> Texts, List<string> Labels) Reviews(int n) => Enumerable.Range(0, n)
            .Select(i => i % 2 == 0 ? (Review(positive), "pos") : (Review(negative), "neg"))
            .Aggregate((new List<string>(), new List<string>()), (acc, r) => { acc.Item1.Add(r.Item1); acc.Item2.Add(r.Item2); return acc; });
        var (trainTexts, trainLabels) = Reviews(120);
        var (validTexts, validLabels) = Reviews(40);

        // ULMFiT: a language model on the texts first; its encoder then starts the classifier.
        torch.manual_seed(0);
        var lmDls = TextDataLoaders.ForLanguageModel(trainTexts, validTexts, bs: 8, bptt: 12, minFreq: 1);
        var lm = LanguageModelLearner(lmDls, Tiny, progress: false);
        lm.FitOneCycle(2, 3e-2);
        using var dir = new TempDir();
        lm.SaveEncoder(dir.File("encoder.pt"));

        var dls = TextDataLoaders.ForClassification(trainTexts, trainLabels, validTexts, validLabels, lmDls.Numericalize, bs: 16);
        var learn = TextClassifierLearner(dls, dir.File("encoder.pt"), Tiny, progress: false);
        var classifier = (TextClassifier)learn.Model;
        Assert.True(classifier.Encoder.Encoder.weight!.allclose(((LanguageModel)lm.Model).Encoder.Encoder.weight!));
        Assert.All(classifier.Encoder.parameters(), p => Assert.False(p.requires_grad));   // frozen: the head only
        Assert.All(classifier.Head.parameters(), p => Assert.True(p.requires_grad));
        // Frozen, a fit moves the head only; FreezeTo(-2) adds the last LSTM layer; Unfreeze everything.
        var embedding = classifier.Encoder.Encoder.weight!.clone();
        var lastLayer = classifier.Encoder.Layers[^1].parameters().First().clone();
        learn.FitOneCycle(1, 1e-2);
        Assert.True(classifier.Encoder.Encoder.weight!.eq(embedding).all().item<bool>());
        Assert.True(classifier.Encoder.Layers[^1].parameters().First().eq(lastLayer).all().item<bool>());
        learn.FreezeTo(-2);
        Assert.All(classifier.Encoder.Layers[^1].parameters(), p => Assert.True(p.requires_grad));
        Assert.All(classifier.Encoder.Layers[0].parameters(), p => Assert.False(p.requires_grad));
        learn.FitOneCycle(1, Lr.Slice(1e-3, 1e-2));
        Assert.True(classifier.Encoder.Encoder.weight!.eq(embedding).all().item<bool>());
        Assert.False(classifier.Encoder.Layers[^1].parameters().First().eq(lastLayer).all().item<bool>());
        learn.Unfreeze();
        learn.FitOneCycle(1, Lr.Slice(1e-3, 1e-2));
        Assert.False(classifier.Encoder.Encoder.weight!.eq(embedding).all().item<bool>());

        // And a classifier learns the task: the same classifier from scratch (no encoder), trained longer. (With the
        // LM-trained tiny encoder its pooled features sit near saturation and the head's batch norm needs many epochs to
        // settle; measured, not asserted here.)
        var scratch = TextClassifierLearner(dls, null, Tiny, progress: false);
        scratch.FitOneCycle(10, 1e-2);
        var accuracy = scratch.Validate().Metrics["accuracy"];
        Assert.True(accuracy > 0.85, $"accuracy {accuracy:P1}; per epoch: {string.Join(" ", scratch.Recorder.Values.Select(v => v[2].ToString("F2")))}");
        learn = scratch;

        // Interpretation: one occlusion score per token (none for xxbos), the probability of the predicted class as
        // Predict gives it, and the errors (if any) are wrong predictions.
        var explained = learn.ExplainText(validTexts[0]);
        var alone = learn.Predict(validTexts[0]).Output;
        Assert.Equal(learn.Predict(validTexts[0]).Label, explained.Class);
        Assert.Equal(dls.Classes![Array.IndexOf(alone, alone.Max())], explained.Class);
        Assert.Equal(Tokenizer.Default.Tokenize(validTexts[0]), explained.Tokens);
        Assert.Equal(0, explained.Scores[0]);
        Assert.Contains(explained.Scores, s => s != 0);
        Assert.Equal(alone.Max(), explained.Probability, 5);
        Assert.Contains("<span title=", explained.ToHtml());
        var errors = learn.MostConfidentErrors(validTexts, validLabels, n: 3);
        Assert.True(errors.Count <= 3);
        Assert.All(errors, e => Assert.NotEqual(e.Actual, e.Predicted));
        var probs = Rows(learn.GetPreds(validTexts, bs: 16));
        Assert.Equal(validTexts.Count, probs.Length);
        // Padding follows each document and is masked: a document's prediction does not depend on its batch.
        var oneByOne = Rows(learn.GetPreds(validTexts, bs: 1));
        for (var i = 0; i < probs.Length; i++) Assert.Equal(oneByOne[i][0], probs[i][0], 1e-6);
        // GetPreds (texts in, original order) and Validate (the loader's length-sorted batches) agree.
        var classes = dls.Classes!.ToList();
        var hits = probs.Select((p, i) => classes[Array.IndexOf(p, p.Max())] == validLabels[i]).Count(h => h);
        Assert.Equal(accuracy, hits / (double)validTexts.Count, 6);
        Assert.InRange(learn.MostConfidentErrors(validTexts, validLabels, n: 100).Count, 0, validTexts.Count);
    }

    [Fact]
    public void Empty_texts_unknown_words_and_a_single_class_are_named()
    {
        var empty = Assert.Throws<ArgumentException>(() => TextDataLoaders.ForLanguageModel(["fine text", " "], ["more text"], bs: 1));
        Assert.Contains("Text 1 is empty", empty.Message);
        var oneClass = Assert.Throws<ArgumentException>(() => TextDataLoaders.ForClassification(["a b", "c d"], ["pos", "pos"], ["e"], ["pos"]));
        Assert.Contains("1 class (\"pos\")", oneClass.Message);
        var unknownLabel = Assert.Throws<ArgumentException>(() => TextDataLoaders.ForClassification(["a b", "c d"], ["pos", "neg"], ["e"], ["meh"]));
        Assert.Contains("\"meh\"", unknownLabel.Message);
        // A document of only unknown words is valid input: it reads as xxbos xxunk xxunk ...
        var lmDls = TextDataLoaders.ForLanguageModel(Sentences(50, 1), Sentences(10, 2), bs: 4, bptt: 8, minFreq: 1);
        var dls = TextDataLoaders.ForClassification(["zyx wvu", "The cat sat."], ["a", "b"], ["zyx wvu tsr"], ["a"], lmDls.Numericalize, bs: 2);
        using var batch = dls.Valid.First();
        Assert.Equal("xxbos xxunk xxunk xxunk", lmDls.Numericalize.Decode(batch.X[0].data<long>().ToArray()));
        var wrongVocab = Assert.Throws<ArgumentException>(() =>
        {
            var other = TextDataLoaders.ForClassification(["a b c", "d e f"], ["x", "y"], ["a"], ["x"], bs: 2, minFreq: 1);
            using var dir = new TempDir();
            var lm = LanguageModelLearner(lmDls, Tiny, progress: false);
            lm.SaveEncoder(dir.File("e.pt"));
            TextClassifierLearner(other, dir.File("e.pt"), Tiny, progress: false);
        });
        Assert.Contains("vocabulary", wrongVocab.Message);
    }

    private static double[][] Rows(Tensor probs)
    {
        using (probs)
        using (var p = probs.to(ScalarType.Float64))
            return Enumerable.Range(0, (int)p.shape[0]).Select(i => p[i].data<double>().ToArray()).ToArray();
    }

    private sealed class EpochLengths : Callback
    {
        public List<int> Train { get; } = [];

        public override void BeforeEpoch() => Train.Add(Learn.Dls.Train.Count);
    }
}
