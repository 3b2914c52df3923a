using NotebookDL.Learning;
using NotebookDL.Tests.Learning.RealData;
using NotebookDL.Text;
using Xunit.Abstractions;
using static NotebookDL.Text.TextLearners;

namespace NotebookDL.Tests.Text;

/// <summary>
/// Real-data bar for the language model: on two of Austen's novels (every tenth chapter held out), three epochs of the
/// lesson's AWD-LSTM must predict the held-out text better than an interpolated bigram model fitted to the same tokens
/// — a recurrent model that cannot beat word-pair counts has not learned to use context. The bigram's mixing weight is
/// chosen on the held-out text itself, which favours the baseline.
/// </summary>
[Collection(nameof(RealDataCollection))]
public sealed class AustenLanguageModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Three_epochs_beat_the_bigram_baseline_on_held_out_chapters()
    {
        var books = Austen.Paragraphs().Where(p => p.Book is "persuasion" or "northangerabbey").ToList();
        var train = books.Where(p => p.Chapter % 10 != 0).Select(p => p.Text).ToList();
        var valid = books.Where(p => p.Chapter % 10 == 0).Select(p => p.Text).ToList();
        var dls = TextDataLoaders.ForLanguageModel(train, valid, bs: 32, bptt: 70);

        long[] Ids(List<string> texts) => dls.Tokenizer.TokenizeAll(texts).SelectMany(dls.Numericalize.Encode).ToArray();
        var bigram = BigramPerplexity(Ids(train), Ids(valid), dls.Numericalize.Vocab.Count);

        torch.manual_seed(0);
        var learn = LanguageModelLearner(dls, new AwdLstmConfig(EmbSize: 128, NHidden: 256, NLayers: 3, InitRange: 1.0), dropMult: 0.5, wd: 0.1, progress: false);
        learn.FitOneCycle(3, 1e-2);
        var perplexity = learn.Validate().Metrics["perplexity"];
        output.WriteLine($"{dls.Train.Count} batches; held-out perplexity {perplexity:F1}, interpolated bigram {bigram:F1}");
        Assert.True(perplexity < bigram, $"language model {perplexity:F1} vs bigram {bigram:F1}");
    }

    /// <summary>Held-out perplexity of add-one unigrams mixed with bigram counts, at the best of a few mixing weights.</summary>
    private static double BigramPerplexity(long[] train, long[] valid, int vocabSize)
    {
        var counts = new double[vocabSize];
        foreach (var id in train) counts[id]++;
        var unigram = counts.Select(c => (c + 1) / (train.Length + vocabSize)).ToArray();
        var pairs = new Dictionary<(long, long), double>();
        for (var i = 1; i < train.Length; i++) pairs[(train[i - 1], train[i])] = pairs.GetValueOrDefault((train[i - 1], train[i])) + 1;
        return new[] { 0.3, 0.5, 0.7, 0.8, 0.9 }.Min(l => Math.Exp(-Enumerable.Range(1, valid.Length - 1).Average(i =>
            Math.Log(l * pairs.GetValueOrDefault((valid[i - 1], valid[i])) / Math.Max(1, counts[valid[i - 1]]) + (1 - l) * unigram[valid[i]]))));
    }
}
