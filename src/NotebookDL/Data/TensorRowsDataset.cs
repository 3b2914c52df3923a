
namespace NotebookDL.Data;

/// <summary>
/// Items that are rows of in-memory tensors: X (N, ...) and int64 labels Y (N). Batches are row gathers
/// (index_select), the fast path for datasets that fit in memory such as <c>Datasets.FashionMnist.Load()</c>.
/// The dataset borrows the tensors; the caller keeps them alive and disposes them.
/// </summary>
public sealed class TensorRowsDataset : IDataset
{
    private readonly long[] labels;

    public TensorRowsDataset(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.shape[0] != y.shape[0]) throw new ArgumentException($"X has {x.shape[0]} rows but Y has {y.shape[0]}.", nameof(y));
        X = x;
        Y = y;
        labels = y.dtype == ScalarType.Int64 ? y.ToArray<long>() : [];
    }

    public Tensor X { get; }
    public Tensor Y { get; }

    public int Count => (int)X.shape[0];

    public long LabelOf(int index) => labels.Length > 0 ? labels[index] : throw new InvalidOperationException($"Labels are {Y.dtype}, not int64 class indices.");

    public Batch GetBatch(int[] indices, BatchContext context)
    {
        using var index = torch.tensor(indices.Select(i => (long)i).ToArray());
        return new Batch(X.index_select(0, index), Y.index_select(0, index));
    }
}
