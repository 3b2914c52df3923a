using NotebookDL.Data;
using NotebookDL.Text;

namespace NotebookDL.Tests.Text;

public sealed class LanguageModelDatasetTests
{
    private static (BatchLoader Loader, LanguageModelDataset Stream) Loader(List<long[]> docs, int bs, int bptt, bool shuffle, int seed)
    {
        var stream = new LanguageModelDataset(docs, bs, bptt, training: shuffle);
        return (new BatchLoader(stream, bs, numWorkers: 0, seed: seed, training: shuffle, sampler: stream), stream);
    }

    private static List<long[]> Documents(int n, int seed)
    {
        var random = new Random(seed);
        var next = 100L;
        return Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, random.Next(5, 40)).Select(_ => next++).ToArray()).ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_row_is_read_once_per_pass_in_order_and_targets_are_the_inputs_shifted(bool shuffle)
    {
        var docs = Documents(60, 1);
        var (loader, stream) = Loader(docs, bs: 4, bptt: 10, shuffle, seed: 3);
        var announced = loader.Count;
        var rows = Enumerable.Range(0, 4).Select(_ => new List<long>()).ToList();
        var targets = Enumerable.Range(0, 4).Select(_ => new List<long>()).ToList();
        var lengths = new List<long>();
        foreach (var batch in loader)
            using (batch)
            {
                lengths.Add(batch.X.shape[1]);
                for (var r = 0; r < 4; r++)
                {
                    rows[r].AddRange(batch.X[r].data<long>().ToArray());
                    targets[r].AddRange(batch.Y[r].data<long>().ToArray());
                }
            }
        // The ids are consecutive within a document: a row read in order is runs of +1 steps.
        var all = rows.SelectMany(r => r).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());                                // no token twice
        Assert.Equal(4 * (stream.RowLength - 1), all.Count);                            // every token of each row but its last
        Assert.Equal(announced, lengths.Count);                                         // the progress bar's total is exact
        for (var r = 0; r < 4; r++) Assert.Equal(rows[r].Skip(1), targets[r].SkipLast(1)); // targets = inputs shifted by one
        if (shuffle) Assert.True(lengths.Distinct().Count() > 1, "training chunks vary in length");
        else Assert.All(lengths.SkipLast(1), l => Assert.Equal(10, l));
    }

    [Fact]
    public void Shuffling_changes_the_document_order_between_passes()
    {
        var (loader, _) = Loader(Documents(60, 2), bs: 2, bptt: 8, shuffle: true, seed: 1);
        long First() { using var b = loader.First(); return b.X[0, 0].item<long>(); }
        Assert.Contains(Enumerable.Range(0, 5).Select(_ => First()).Distinct().Count(), new[] { 2, 3, 4, 5 });
    }

    [Fact]
    public void A_corpus_too_small_for_the_batch_size_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new LanguageModelDataset([[1, 2, 3]], bs: 4));
        Assert.Contains("3 tokens", error.Message);
    }
}
