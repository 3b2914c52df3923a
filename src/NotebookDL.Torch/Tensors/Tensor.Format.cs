namespace NotebookDL.Torch;

public sealed partial class Tensor
{
    /// <summary>PyTorch's <c>str(t)</c>: <c>tensor([[0.1000, 0.2000], ...], dtype=torch.float64)</c>, summarised when large.</summary>
    public override string ToString() => IsDisposed ? "tensor(<disposed>)" : TensorPrinter.Print(this);
}
