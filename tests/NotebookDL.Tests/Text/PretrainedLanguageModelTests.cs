using NotebookDL.Architectures;
using NotebookDL.Serialization;
using NotebookDL.Text;
using static NotebookDL.Text.TextLearners;

namespace NotebookDL.Tests.Text;

/// <summary>A language model moved to a corpus with another vocabulary (fastai's match_embeds).</summary>
public sealed class PretrainedLanguageModelTests
{
    private static readonly AwdLstmConfig Tiny = new(EmbSize: 6, NHidden: 8, NLayers: 2);

    [Fact]
    public void Shared_tokens_keep_their_rows_and_new_tokens_start_at_the_mean()
    {
        using var scope = torch.NewDisposeScope();
        var source = TextDataLoaders.ForLanguageModel(["The cat sat on the mat.", "The cat ran."], ["The cat sat."], bs: 2, bptt: 4, minFreq: 1);
        var target = TextDataLoaders.ForLanguageModel(["A dog sat on a log.", "The dog ran."], ["A dog sat."], bs: 2, bptt: 4, minFreq: 1);
        var pretrained = LanguageModelLearner(source, Tiny, progress: false);
        using var dir = new TempDir();
        PyTorchFiles.Save(pretrained.Model.state_dict(), dir.File("lm.pt"));

        var learn = LanguageModelLearner(target, Tiny, progress: false);
        learn.LoadPretrained(dir.File("lm.pt"), source.Numericalize.Vocab);

        var (oldLm, newLm) = ((LanguageModel)pretrained.Model, (LanguageModel)learn.Model);
        var (oldVocab, newVocab) = (source.Numericalize.Vocab.ToList(), target.Numericalize.Vocab.ToList());
        var oldRows = oldLm.Encoder.Encoder.weight!;
        var newRows = newLm.Encoder.Encoder.weight!;
        var meanRow = oldRows.mean([0]);
        foreach (var token in new[] { "xxbos", "sat", "on", "ran", "dog", "log", "a" })
        {
            var i = newVocab.IndexOf(token);
            Assert.True(i >= 0, token);
            var j = oldVocab.IndexOf(token);
            var expected = j >= 0 ? oldRows[j] : meanRow;
            Assert.True(newRows[i].allclose(expected), token);
            var expectedBias = j >= 0 ? oldLm.DecoderBias[j] : oldLm.DecoderBias.mean();
            Assert.True(newLm.DecoderBias[i].allclose(expectedBias), token);
        }
        Assert.Contains("dog", newVocab);
        Assert.DoesNotContain("dog", oldVocab);
        // The LSTM weights come over unchanged.
        Assert.True(newLm.Encoder.Layers[1].parameters().First().eq(oldLm.Encoder.Layers[1].parameters().First()).all().item<bool>());

        var wrongVocab = Assert.Throws<ArgumentException>(() => learn.LoadPretrained(dir.File("lm.pt"), newVocab.Take(3).ToList()));
        Assert.Contains("vocabulary", wrongVocab.Message);
        Assert.Throws<FileNotFoundException>(() => learn.LoadPretrained(dir.File("missing.pt"), oldVocab));
    }
}
