using NotebookDL.Learning.Data;

namespace NotebookDL.Text;

/// <summary>
/// Batches of documents for a text classifier: each batch padded at the end with xxpad to its longest document (so the
/// encoder reads every document from its first token on, as the language model did; see <see cref="Models.TextClassifier"/>). To
/// waste little padding, validation batches hold documents of similar length (sorted, longest first); training batches
/// too, but with randomness (fastai's "sortish" order: shuffle, sort within chunks of 50 batches, shuffle the batches).
/// </summary>
public sealed class ClassificationLoader : IDataLoader
{
    private readonly IReadOnlyList<long[]> documents;
    private readonly long[] labels;
    private readonly bool shuffle;
    private readonly long padId;
    private readonly Random random;

    public ClassificationLoader(IReadOnlyList<long[]> documents, long[] labels, int bs = 64, bool shuffle = false, long padId = 1, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(labels);
        Check.Positive(bs, nameof(bs));
        if (documents.Count != labels.Length) throw new ArgumentException($"{documents.Count} documents but {labels.Length} labels.", nameof(labels));
        (this.documents, this.labels, BatchSize, this.shuffle, this.padId) = (documents, labels, bs, shuffle, padId);
        random = new Random(seed);
    }

    public int BatchSize { get; }

    public int Count => (documents.Count + BatchSize - 1) / BatchSize;

    public IEnumerator<IBatch> GetEnumerator()
    {
        foreach (var batch in Order())
        {
            var width = batch.Max(i => documents[i].Length);
            var ids = new long[batch.Length * width];
            Array.Fill(ids, padId);
            for (var r = 0; r < batch.Length; r++)
            {
                var doc = documents[batch[r]];
                Array.Copy(doc, 0, ids, (long)r * width, doc.Length);
            }
            yield return new TensorBatch(torch.tensor(ids, [batch.Length, width]), torch.tensor(batch.Select(i => labels[i]).ToArray()));
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<int[]> Order()
    {
        var indices = Enumerable.Range(0, documents.Count).ToArray();
        if (!shuffle) return indices.OrderByDescending(i => documents[i].Length).Chunk(BatchSize);
        random.Shuffle(indices);
        var batches = indices.Chunk(BatchSize * 50).SelectMany(chunk => chunk.OrderByDescending(i => documents[i].Length).Chunk(BatchSize)).ToArray();
        random.Shuffle(batches);
        return batches;
    }
}
