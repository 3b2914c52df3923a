using NotebookDL.Torch.Native;
using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

// PyTorch-style indexing: x[1], x[.., 0], x[TensorIndex.Slice(0, 10, 2)], x[mask], x[indices] = value.
public sealed partial class Tensor
{
    public Tensor this[params TensorIndex[] indices]
    {
        get => Index(indices);
        set => IndexPut(indices, value);
    }

    public unsafe Tensor Index(params TensorIndex[] indices)
    {
        var spec = stackalloc NativeIndex[indices.Length];
        for (var i = 0; i < indices.Length; i++) spec[i] = indices[i].ToNative();
        var result = new Tensor(N.nbdl_tensor_index(Handle, spec, indices.Length));
        GC.KeepAlive(indices);
        return result;
    }

    /// <summary>Assigns <paramref name="value"/> (broadcast) to the indexed elements, in place.</summary>
    public unsafe Tensor IndexPut(TensorIndex[] indices, Tensor value)
    {
        var spec = stackalloc NativeIndex[indices.Length];
        for (var i = 0; i < indices.Length; i++) spec[i] = indices[i].ToNative();
        N.Check(N.nbdl_tensor_index_put_(Handle, spec, indices.Length, value.Handle));
        GC.KeepAlive(indices);
        return this;
    }

    /// <summary>Assigns a scalar to the indexed elements, in place (<c>x.IndexPut([.., 0], 0)</c>).</summary>
    public unsafe Tensor IndexPut(TensorIndex[] indices, Scalar value)
    {
        var spec = stackalloc NativeIndex[indices.Length];
        for (var i = 0; i < indices.Length; i++) spec[i] = indices[i].ToNative();
        N.Check(N.nbdl_tensor_index_put_scalar_(Handle, spec, indices.Length, value.ToNative()));
        GC.KeepAlive(indices);
        return this;
    }

    public Tensor index_select(long dim, Tensor index) => new(N.nbdl_tensor_index_select(Handle, dim, index.Handle));
    public Tensor gather(long dim, Tensor index) => new(N.nbdl_tensor_gather(Handle, dim, index.Handle));
    public Tensor scatter(long dim, Tensor index, Tensor src) => new(N.nbdl_tensor_scatter(Handle, dim, index.Handle, src.Handle));
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => new(N.nbdl_tensor_scatter_add(Handle, dim, index.Handle, src.Handle));

    public Tensor scatter_(long dim, Tensor index, Tensor src)
    {
        N.Check(N.nbdl_tensor_scatter_(Handle, dim, index.Handle, src.Handle));
        return this;
    }

    public Tensor masked_fill(Tensor mask, Scalar value) => new(N.nbdl_tensor_masked_fill(Handle, mask.Handle, value.ToNative()));

    public Tensor masked_fill_(Tensor mask, Scalar value)
    {
        N.Check(N.nbdl_tensor_masked_fill_(Handle, mask.Handle, value.ToNative()));
        return this;
    }

    public Tensor masked_select(Tensor mask) => new(N.nbdl_tensor_masked_select(Handle, mask.Handle));
    public Tensor nonzero() => new(N.nbdl_tensor_nonzero(Handle));
}
