using NotebookDL.Architectures;
using NotebookDL.Learning;
using NotebookDL.Text;
using L = NotebookDL.Learning.Learner;

namespace NotebookDL.Tests.Text;

/// <summary>
/// Export then Load rebuilds the text learners' models (AWD-LSTM language model and classifier, with their config and
/// drop multiplier) in a process that never built one: the loaded model gives the same outputs for the same token ids.
/// </summary>
public sealed class TextExportTests : IDisposable
{
    private static readonly string[] Words = ["the", "cat", "sat", "on", "a", "mat", "dog", "ran", "far", "away", "home", "late"];
    private static readonly AwdLstmConfig Small = new(EmbSize: 8, NHidden: 16, NLayers: 2);
    private readonly string _dir = Directory.CreateTempSubdirectory("nbdl-text-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<string> Texts(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => string.Join(" ", Enumerable.Range(0, 9).Select(_ => Words[random.Next(Words.Length)])) + ".").ToList();
    }

    private Tensor ExportLoadAndCompare(L learn, Tensor tokens, Action<nn.Module>? reset = null)
    {
        var file = Path.Combine(_dir, "text.nbdl");
        learn.Export(file);
        var loaded = L.Load(file);
        Assert.Equal(learn.Model.GetType(), loaded.Model.GetType());
        learn.Model.eval();
        loaded.Model.eval();
        using var noGrad = torch.no_grad();
        reset?.Invoke(learn.Model);
        reset?.Invoke(loaded.Model);
        var expected = learn.Model.call(tokens).detach();
        var got = loaded.Model.call(tokens).detach();
        Assert.Equal(expected.shape, got.shape);
        Assert.True(Close(got, expected), "the loaded text model gives other outputs");
        return got;
    }

    private static bool Close(Tensor a, Tensor b) => (a - b).abs().max().ToDouble() <= 1e-5;

    [Fact]
    public void A_language_model_learner_exports_and_loads()
    {
        var dls = TextDataLoaders.ForLanguageModel(Texts(60, 1), Texts(10, 2), bs: 4, bptt: 10, minFreq: 1);
        var learn = TextLearners.LanguageModelLearner(dls, Small, dropMult: 0.5, progress: false);
        learn.Fit(1, 1e-2);
        var tokens = torch.randint(0, dls.Numericalize.Vocab.Count, [2, 10]);
        ExportLoadAndCompare(learn, tokens, m => ((LanguageModel)m).Reset());
    }

    [Fact]
    public void A_text_classifier_learner_exports_and_loads()
    {
        var texts = Texts(40, 3);
        var labels = texts.Select(t => t.Contains("cat") ? "cat" : "other").ToList();
        var dls = TextDataLoaders.ForClassification(texts, labels, texts[..10], labels[..10], bs: 8, minFreq: 1);
        var learn = TextLearners.TextClassifierLearner(dls, config: Small, bptt: 8, progress: false);
        learn.Fit(1, 1e-2);
        var tokens = torch.randint(2, dls.Numericalize.Vocab.Count, [3, 12]);
        var outputs = ExportLoadAndCompare(learn, tokens);
        Assert.Equal(2, outputs.shape[^1]);
    }

    [Fact]
    public void A_loaded_text_classifier_predicts_from_text_as_the_original_does()
    {
        var texts = Texts(40, 3);
        var labels = texts.Select(t => t.Contains("cat") ? "cat" : "other").ToList();
        var dls = TextDataLoaders.ForClassification(texts, labels, texts[..10], labels[..10], bs: 8, minFreq: 1);
        var learn = TextLearners.TextClassifierLearner(dls, config: Small, bptt: 8, progress: false);
        learn.Fit(1, 1e-2);
        var file = Path.Combine(_dir, "classifier.nbdl");
        learn.Export(file);

        using var loaded = L.Load<TextClassifierLearner>(file);
        foreach (var text in new[] { "The cat sat on a mat.", "A dog ran far away, home late!", "zebra quokka" })
        {
            var expected = learn.Predict(text);
            var got = loaded.Predict(text);
            Assert.Equal(expected.Label, got.Label);
            Assert.Equal(expected.Output, got.Output, (a, b) => Math.Abs(a - b) <= 1e-6);
        }
        Assert.Equal(dls.Classes, loaded.Dls.Classes);
        Assert.Equal(dls.Numericalize.Vocab, loaded.Dls.Numericalize.Vocab);
    }

    [Fact]
    public void A_loaded_language_model_generates_the_same_text()
    {
        var dls = TextDataLoaders.ForLanguageModel(Texts(60, 1), Texts(10, 2), bs: 4, bptt: 10, minFreq: 1);
        var learn = TextLearners.LanguageModelLearner(dls, Small, progress: false);
        learn.Fit(1, 1e-2);
        var file = Path.Combine(_dir, "lm.nbdl");
        learn.Export(file);

        using var loaded = L.Load<LanguageModelLearner>(file);
        Assert.Equal(learn.Predict("the cat", 8, seed: 4), loaded.Predict("the cat", 8, seed: 4));
    }

    [Fact]
    public void Export_refuses_a_custom_tokenizer_by_name()
    {
        var custom = new Tokenizer([], []);
        var dls = TextDataLoaders.ForLanguageModel(Texts(30, 1), Texts(5, 2), bs: 2, bptt: 8, minFreq: 1, tokenizer: custom);
        var learn = TextLearners.LanguageModelLearner(dls, Small, progress: false);
        var error = Assert.Throws<InvalidOperationException>(() => learn.Export(Path.Combine(_dir, "custom.nbdl")));
        Assert.Contains("Tokenizer.Default", error.Message);
    }
}
