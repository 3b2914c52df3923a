using Microsoft.Data.Analysis;
using NotebookDL.Text;

namespace NotebookDL.Tests.Text;

/// <summary>ShowBatch decodes a batch back to what went in: the tokenizer's tokens, the labels, the next-token targets.</summary>
public sealed class TextShowBatchTests
{
    [Fact]
    public void A_classifier_batch_shows_each_document_without_padding_and_with_its_label()
    {
        string[] texts = ["The cat sat on the mat.", "A dog ran.", "It is SO good!!!!"], labels = ["yes", "no", "yes"];
        var dls = TextDataLoaders.ForClassification(texts, labels, texts, labels, bs: 3, minFreq: 1, seed: 0);

        var batch = dls.ShowBatch(3);

        Assert.Equal(["text", "category"], batch.Columns.Select(c => c.Name));
        var expected = texts.Select((t, i) => (string.Join(" ", Tokenizer.Default.Tokenize(t)), labels[i])).Order().ToList();
        var shown = Enumerable.Range(0, (int)batch.Rows.Count).Select(r => ((string)batch["text"][r], (string)batch["category"][r])).Order().ToList();
        Assert.Equal(expected, shown);
        Assert.DoesNotContain(shown, row => row.Item1.Contains("xxpad"));
    }

    [Fact]
    public void A_language_model_batch_shows_targets_one_token_ahead_of_the_input()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"Sentence number {i} says the cat sat on the mat.").ToList();
        var dls = TextDataLoaders.ForLanguageModel(texts, texts[..4], bs: 4, bptt: 12, minFreq: 1, seed: 0);

        var batch = dls.ShowBatch(4, maxTokens: 10);

        Assert.Equal(["text", "text_"], batch.Columns.Select(c => c.Name));
        Assert.Equal(4, batch.Rows.Count);
        for (var r = 0; r < 4; r++)
        {
            var input = ((string)batch["text"][r]).Split(' ');
            var target = ((string)batch["text_"][r]).Split(' ');
            Assert.InRange(input.Length, 2, 10);   // bptt varies a little from batch to batch, as fastai's does
            Assert.Equal(input.Length, target.Length);
            Assert.Equal(input[1..], target[..^1]);
        }
    }
}
