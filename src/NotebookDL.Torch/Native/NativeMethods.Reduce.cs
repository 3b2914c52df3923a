using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_sum(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_mean(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_std(TensorHandle t, long* dims, int n, long correction, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_var(TensorHandle t, long* dims, int n, long correction, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_prod(TensorHandle t, int hasDim, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_amax(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_amin(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_max_all(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_min_all(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_argmax(TensorHandle t, int hasDim, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_argmin(TensorHandle t, int hasDim, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_norm(TensorHandle t, double p, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_logsumexp(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_cumsum(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_cumprod(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_all(TensorHandle t, int hasDim, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_any(TensorHandle t, int hasDim, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_bincount(TensorHandle t, IntPtr weights, long minlength);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_max_dim(TensorHandle t, long dim, int keepdim, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_min_dim(TensorHandle t, long dim, int keepdim, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_sort(TensorHandle t, long dim, int descending, int stable, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_topk(TensorHandle t, long k, long dim, int largest, int sorted, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_unique(TensorHandle t, int sorted, int returnInverse, int returnCounts, IntPtr* output);
}
