using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

// Views and shape changes, joining and splitting.
public sealed partial class Tensor
{
    public unsafe Tensor view(params long[] shape)
    {
        fixed (long* p = shape) return new(N.nbdl_tensor_view(Handle, p, shape.Length));
    }

    public unsafe Tensor reshape(params long[] shape)
    {
        fixed (long* p = shape) return new(N.nbdl_tensor_reshape(Handle, p, shape.Length));
    }

    public Tensor flatten(long start_dim = 0, long end_dim = -1) => new(N.nbdl_tensor_flatten(Handle, start_dim, end_dim));

    public unsafe Tensor unflatten(long dim, params long[] sizes)
    {
        fixed (long* p = sizes) return new(N.nbdl_tensor_unflatten(Handle, dim, p, sizes.Length));
    }

    public Tensor squeeze() => new(N.nbdl_tensor_squeeze(Handle));
    public Tensor squeeze(long dim) => new(N.nbdl_tensor_squeeze_dim(Handle, dim));
    public Tensor unsqueeze(long dim) => new(N.nbdl_tensor_unsqueeze(Handle, dim));

    public unsafe Tensor permute(params long[] dims)
    {
        fixed (long* p = dims) return new(N.nbdl_tensor_permute(Handle, p, dims.Length));
    }

    public Tensor transpose(long dim0, long dim1) => new(N.nbdl_tensor_transpose(Handle, dim0, dim1));
    public Tensor t() => new(N.nbdl_tensor_t(Handle));

    /// <summary>The transpose of a 2-D tensor, as PyTorch's <c>x.T</c>.</summary>
    public Tensor T => t();

    public unsafe Tensor expand(params long[] sizes)
    {
        fixed (long* p = sizes) return new(N.nbdl_tensor_expand(Handle, p, sizes.Length));
    }

    public Tensor expand_as(Tensor other) => expand(other.shape);

    public Tensor view_as(Tensor other) => view(other.shape);

    public Tensor reshape_as(Tensor other) => reshape(other.shape);

    public unsafe Tensor repeat(params long[] repeats)
    {
        fixed (long* p = repeats) return new(N.nbdl_tensor_repeat(Handle, p, repeats.Length));
    }

    public Tensor narrow(long dim, long start, long length) => new(N.nbdl_tensor_narrow(Handle, dim, start, length));

    public unsafe Tensor flip(params long[] dims)
    {
        fixed (long* p = dims) return new(N.nbdl_tensor_flip(Handle, p, dims.Length));
    }

    public Tensor roll(long shifts, long dim) => roll([shifts], [dim]);

    public unsafe Tensor roll(long[] shifts, long[] dims)
    {
        fixed (long* s = shifts)
        fixed (long* d = dims)
            return new(N.nbdl_tensor_roll(Handle, s, shifts.Length, d, dims.Length));
    }

    public unsafe Tensor[] chunk(long chunks, long dim = 0)
    {
        IntPtr* list;
        var count = N.nbdl_tensor_chunk(Handle, chunks, dim, &list);
        return N.TakeList(list, count);
    }

    /// <summary>Pieces of <paramref name="split_size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public unsafe Tensor[] split(long split_size, long dim = 0)
    {
        IntPtr* list;
        var count = N.nbdl_tensor_split(Handle, split_size, dim, &list);
        return N.TakeList(list, count);
    }

    public unsafe Tensor[] split(long[] split_sizes, long dim = 0)
    {
        IntPtr* list;
        int count;
        fixed (long* p = split_sizes) count = N.nbdl_tensor_split_sizes(Handle, p, split_sizes.Length, dim, &list);
        return N.TakeList(list, count);
    }
}
