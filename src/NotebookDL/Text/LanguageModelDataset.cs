using NotebookDL.Data;

namespace NotebookDL.Text;

/// <summary>
/// A language model's batches, fastai's way: the documents (token ids, each starting with xxbos) concatenated into
/// one stream, the stream cut into <see cref="Bs"/> equal rows, and the rows read left to right in chunks of about
/// <see cref="Bptt"/> tokens — so row r of batch i+1 continues row r of batch i, and a model that carries its hidden
/// state from batch to batch (backpropagation through time) reads each row as one long text. Targets are the inputs
/// shifted by one token. In training the documents are shuffled at the start of each epoch and each chunk's length
/// varies (fastai v1: <c>bptt</c> with probability 0.95, else <c>bptt / 2</c>, then a normal draw of standard
/// deviation 5, at least 5), so the model does not see the same cuts every epoch.
/// Item k of an epoch is its k-th chunk; the dataset is also its own sampler (batch k is item k), and both the order
/// and the cuts come from (seed, epoch), so a loader knows a pass's exact batch count before it starts.
/// </summary>
public sealed class LanguageModelDataset : IDataset, IBatchSampler
{
    private readonly IReadOnlyList<long[]> documents;
    private readonly bool training;
    private readonly long tokens;
    private readonly Lock gate = new();
    private (int Epoch, long Seed, Tensor Rows, (long Start, long Length)[] Chunks)? current;

    /// <param name="documents">Token ids per document.</param>
    /// <param name="bs">Rows read in parallel.</param>
    /// <param name="bptt">Tokens per chunk (backpropagation through time's length).</param>
    /// <param name="training">Shuffle the documents each epoch and vary the chunk length.</param>
    public LanguageModelDataset(IReadOnlyList<long[]> documents, int bs = 64, int bptt = 70, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Check.Positive(bs, nameof(bs));
        Check.Positive(bptt, nameof(bptt));
        tokens = documents.Sum(d => (long)d.Length);
        // Each row needs at least one input and its target.
        if (tokens / bs < 2)
            throw new ArgumentException($"The corpus has {tokens:N0} tokens: too few for {bs} rows of at least 2 tokens; use a smaller batch size or more text.", nameof(documents));
        (this.documents, Bs, Bptt, this.training) = (documents, bs, bptt, training);
    }

    public int Bs { get; }

    public int Bptt { get; }

    /// <summary>Tokens per row: the stream's length (less the remainder of the division by the batch size).</summary>
    public long RowLength => tokens / Bs;

    /// <summary>Chunks at the nominal length (a training epoch's count differs by a few; its loader reports the exact one).</summary>
    public int Count => (int)((RowLength - 1 + Bptt - 1) / Bptt);

    public long LabelOf(int index) => throw new NotSupportedException("A language model's items are chunks of a token stream; they have no class label.");

    public int[][] Batches(int epoch, int seed) => Enumerable.Range(0, Chunks(seed, epoch).Length).Select(k => new[] { k }).ToArray();

    public Batch GetBatch(int[] indices, BatchContext context)
    {
        if (indices.Length != 1) throw new ArgumentException($"A language model's batch is one chunk of the stream, got {indices.Length} indices.", nameof(indices));
        lock (gate)
        {
            var (rows, chunks) = Epoch(context.Seed, context.Epoch);
            var (start, length) = chunks[indices[0]];
            using var x = rows.narrow(1, start, length);
            using var y = rows.narrow(1, start + 1, length);
            return new Batch(x.contiguous(), y.contiguous());
        }
    }

    private (long Start, long Length)[] Chunks(long seed, int epoch)
    {
        var random = new Random(Seeds.Mix(seed, epoch, -2));
        var chunks = new List<(long, long)>();
        for (long position = 0; position < RowLength - 1;)
        {
            var seq = Math.Min(training ? NextSequenceLength(random) : Bptt, RowLength - 1 - position);
            chunks.Add((position, seq));
            position += seq;
        }
        return [.. chunks];
    }

    // One epoch's stream and cuts, built once per epoch (the loader's workers ask for its chunks concurrently).
    private (Tensor Rows, (long Start, long Length)[] Chunks) Epoch(long seed, int epoch)
    {
        if (current is { } c && c.Epoch == epoch && c.Seed == seed) return (c.Rows, c.Chunks);
        current?.Rows.Dispose();
        var rows = Rows(seed, epoch).DetachFromDisposeScope();
        var chunks = Chunks(seed, epoch);
        current = (epoch, seed, rows, chunks);
        return (rows, chunks);
    }

    /// <summary>The epoch's stream as (bs, rowLength) int64.</summary>
    private Tensor Rows(long seed, int epoch)
    {
        var order = Enumerable.Range(0, documents.Count).ToArray();
        if (training) new Random(Seeds.Mix(seed, epoch, -1)).Shuffle(order);
        var stream = new long[RowLength * Bs];
        var at = 0L;
        foreach (var d in order)
        {
            var doc = documents[d];
            var take = (int)Math.Min(doc.Length, stream.Length - at);
            Array.Copy(doc, 0, stream, at, take);
            at += take;
            if (at == stream.Length) break;
        }
        return torch.tensor(stream, [Bs, RowLength]);
    }

    private long NextSequenceLength(Random random)
    {
        var mean = random.NextDouble() < 0.95 ? Bptt : Bptt / 2.0;
        // Box-Muller: a normal draw from two uniform ones.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(5, (long)(mean + 5 * normal));
    }
}
