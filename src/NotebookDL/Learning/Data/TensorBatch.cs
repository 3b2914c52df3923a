
namespace NotebookDL.Learning.Data;

/// <summary>An <see cref="IBatch"/> over two tensors it owns; disposing it frees both.</summary>
public sealed class TensorBatch(Tensor x, Tensor y) : IBatch
{
    public Tensor X { get; } = x;

    public Tensor Y { get; } = y;

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }
}
