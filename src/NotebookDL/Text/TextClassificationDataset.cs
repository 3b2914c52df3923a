using NotebookDL.Data;

namespace NotebookDL.Text;

/// <summary>
/// Labelled documents for a text classifier; a batch is padded at the end with xxpad to its longest document (so the
/// encoder reads every document from its first token on, as the language model did; see
/// <see cref="Architectures.TextClassifier"/>). Pair it with a <see cref="SortishSampler"/> so batches waste little padding.
/// </summary>
public sealed class TextClassificationDataset : IDataset
{
    private readonly IReadOnlyList<long[]> documents;
    private readonly long[] labels;
    private readonly long padId;

    public TextClassificationDataset(IReadOnlyList<long[]> documents, long[] labels, long padId = 1)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(labels);
        if (documents.Count != labels.Length) throw new ArgumentException($"{documents.Count} documents but {labels.Length} labels.", nameof(labels));
        (this.documents, this.labels, this.padId) = (documents, labels, padId);
    }

    public int Count => documents.Count;

    /// <summary>Tokens of each document (what the sampler sorts by).</summary>
    public IReadOnlyList<int> Lengths => documents.Select(d => d.Length).ToArray();

    public long LabelOf(int index) => labels[index];

    public Batch GetBatch(int[] indices, BatchContext context)
    {
        var width = indices.Max(i => documents[i].Length);
        var ids = new long[indices.Length * width];
        Array.Fill(ids, padId);
        for (var r = 0; r < indices.Length; r++)
        {
            var doc = documents[indices[r]];
            Array.Copy(doc, 0, ids, (long)r * width, doc.Length);
        }
        return new Batch(torch.tensor(ids, [indices.Length, width]), torch.tensor(indices.Select(i => labels[i]).ToArray()));
    }
}

/// <summary>
/// Batches of items of similar length (fastai's SortedDL / SortishSampler): in order of decreasing length for
/// validation; for training, shuffled, sorted within chunks of 50 batches, and the batches shuffled, so each epoch
/// differs but little padding is wasted.
/// </summary>
public sealed class SortishSampler(IReadOnlyList<int> lengths, int bs, bool shuffle) : IBatchSampler
{
    public int[][] Batches(int epoch, int seed)
    {
        var indices = Enumerable.Range(0, lengths.Count).ToArray();
        if (!shuffle) return indices.OrderByDescending(i => lengths[i]).Chunk(bs).ToArray();
        var random = new Random(Seeds.Mix(seed, epoch, -1));
        random.Shuffle(indices);
        var batches = indices.Chunk(bs * 50).SelectMany(chunk => chunk.OrderByDescending(i => lengths[i]).Chunk(bs)).ToArray();
        random.Shuffle(batches);
        return batches;
    }
}
