using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_ndim(TensorHandle t);
    [LibraryImport(Lib)] internal static partial long nbdl_tensor_numel(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_dtype(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_device_type(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_device_index(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_requires_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_is_leaf(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_is_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_element_size(TensorHandle t);
    [LibraryImport(Lib)] internal static partial void nbdl_tensor_shape(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static partial void nbdl_tensor_stride(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_grad(TensorHandle t, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_set_grad(TensorHandle t, IntPtr grad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_grad_fn_name(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_copy_to_host(TensorHandle t, int dtype, void* output, long bytes);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_item_double(TensorHandle t, double* output);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_item_long(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, int copy);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_clone(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_detach(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_alias(TensorHandle t);
}
