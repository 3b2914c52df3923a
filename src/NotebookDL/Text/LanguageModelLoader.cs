using NotebookDL.Learning.Data;

namespace NotebookDL.Text;

/// <summary>
/// Batches for a language model, fastai's way: the documents (token ids, each starting with xxbos) concatenated into
/// one stream, the stream cut into <see cref="BatchSize"/> equal rows, and the rows read left to right in chunks of
/// about <see cref="Bptt"/> tokens — so row r of batch i+1 continues row r of batch i, and a model that carries its
/// hidden state from batch to batch (backpropagation through time) reads each row as one long text. Targets are the
/// inputs shifted by one token. In training the documents are shuffled at the start of each pass and each chunk's
/// length varies (fastai v1: <c>bptt</c> with probability 0.95, else <c>bptt / 2</c>, then a normal draw of standard
/// deviation 5, at least 5), so the model does not see the same cuts every epoch.
/// </summary>
public sealed class LanguageModelLoader : IDataLoader
{
    private readonly IReadOnlyList<long[]> documents;
    private readonly bool shuffle;
    private readonly Random random;
    private readonly long tokens;

    /// <param name="documents">Token ids per document.</param>
    /// <param name="bs">Rows read in parallel.</param>
    /// <param name="bptt">Tokens per chunk (backpropagation through time's length).</param>
    /// <param name="shuffle">Shuffle the documents each pass and vary the chunk length (training).</param>
    /// <param name="seed">Seed of both.</param>
    public LanguageModelLoader(IReadOnlyList<long[]> documents, int bs = 64, int bptt = 70, bool shuffle = false, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Check.Positive(bs, nameof(bs));
        Check.Positive(bptt, nameof(bptt));
        tokens = documents.Sum(d => (long)d.Length);
        // Each row needs at least one input and its target.
        if (tokens / bs < 2)
            throw new ArgumentException($"The corpus has {tokens:N0} tokens: too few for {bs} rows of at least 2 tokens; use a smaller batch size or more text.", nameof(documents));
        (this.documents, BatchSize, Bptt, this.shuffle) = (documents, bs, bptt, shuffle);
        random = new Random(seed);
    }

    public int BatchSize { get; }

    public int Bptt { get; }

    /// <summary>Tokens per row: the stream's length (less the remainder of the division by the batch size).</summary>
    public long RowLength => tokens / BatchSize;

    /// <summary>Batches per pass at the nominal chunk length (the progress bar's count; a training pass may differ by a few).</summary>
    public int Count => (int)((RowLength - 1 + Bptt - 1) / Bptt);

    public IEnumerator<IBatch> GetEnumerator()
    {
        var rows = Rows();
        try
        {
            var length = RowLength;
            for (long position = 0; position < length - 1;)
            {
                var seq = Math.Min(shuffle ? NextSequenceLength() : Bptt, length - 1 - position);
                // No dispose scope here: one held open across the yield would collect what the consumer makes meanwhile.
                Tensor x, y;
                using (var view = rows.narrow(1, position, seq)) x = view.contiguous();
                using (var view = rows.narrow(1, position + 1, seq)) y = view.contiguous();
                position += seq;
                yield return new TensorBatch(x, y);
            }
        }
        finally
        {
            rows.Dispose();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>This pass's stream as (bs, rowLength) int64.</summary>
    private Tensor Rows()
    {
        var order = Enumerable.Range(0, documents.Count).ToArray();
        if (shuffle) random.Shuffle(order);
        var stream = new long[RowLength * BatchSize];
        var at = 0L;
        foreach (var d in order)
        {
            var doc = documents[d];
            var take = (int)Math.Min(doc.Length, stream.Length - at);
            Array.Copy(doc, 0, stream, at, take);
            at += take;
            if (at == stream.Length) break;
        }
        return torch.tensor(stream, [BatchSize, RowLength]);
    }

    private long NextSequenceLength()
    {
        var mean = random.NextDouble() < 0.95 ? Bptt : Bptt / 2.0;
        // Box-Muller: a normal draw from two uniform ones.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(5, (long)(mean + 5 * normal));
    }
}
