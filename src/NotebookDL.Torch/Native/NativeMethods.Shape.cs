using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

// Shape, joining/splitting and indexing (shape.cpp, indexing.cpp).
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_view(TensorHandle t, long* shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_reshape(TensorHandle t, long* shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_flatten(TensorHandle t, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_unflatten(TensorHandle t, long dim, long* sizes, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_squeeze(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_squeeze_dim(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_unsqueeze(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_permute(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_transpose(TensorHandle t, long dim0, long dim1);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_t(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_expand(TensorHandle t, long* shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_repeat(TensorHandle t, long* repeats, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_narrow(TensorHandle t, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_flip(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_roll(TensorHandle t, long* shifts, int nShifts, long* dims, int nDims);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_cat(IntPtr* list, int n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_stack(IntPtr* list, int n, long dim);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_chunk(TensorHandle t, long chunks, long dim, IntPtr** output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_split(TensorHandle t, long size, long dim, IntPtr** output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_split_sizes(TensorHandle t, long* sizes, int n, long dim, IntPtr** output);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_index(TensorHandle t, NativeIndex* spec, int n);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_index_put_(TensorHandle t, NativeIndex* spec, int n, TensorHandle value);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_index_put_scalar_(TensorHandle t, NativeIndex* spec, int n, NativeScalar value);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_index_select(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_gather(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_scatter(TensorHandle t, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_scatter_add(TensorHandle t, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_scatter_(TensorHandle t, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_masked_fill(TensorHandle t, TensorHandle mask, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_masked_fill_(TensorHandle t, TensorHandle mask, NativeScalar value);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_masked_select(TensorHandle t, TensorHandle mask);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_nonzero(TensorHandle t);
}
