using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_from_data(void* data, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_empty(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_zeros(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_ones(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_full(long* shape, int ndim, NativeScalar value, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_rand(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_randn(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_randint(long low, long high, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_randperm(long n, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_arange(NativeScalar start, NativeScalar end, NativeScalar step, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_linspace(double start, double end, long steps, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_eye(long n, long m, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_rand_like(TensorHandle t, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_tensor_randn_like(TensorHandle t, int dtype, int deviceType, int deviceIndex, int requiresGrad);
}
