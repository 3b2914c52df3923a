using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

/// <summary>
/// P/Invoke declarations of the C ABI in src/native, one partial file per native source file.
/// Functions returning a tensor return IntPtr.Zero on error; status functions return -1; callers go
/// through <see cref="Check(IntPtr)"/> / <see cref="Check(int)"/>, which turn the thread's last native
/// error into a <see cref="TorchException"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    static NativeMethods() => NativeLibraryLoader.Register();

    [LibraryImport(Lib)] internal static partial IntPtr nbdl_util_last_error();
    [LibraryImport(Lib)] internal static partial int nbdl_util_last_error_kind();
    [LibraryImport(Lib)] internal static partial void nbdl_util_free(IntPtr pointer);
    [LibraryImport(Lib)] internal static partial void nbdl_tensor_free(IntPtr tensor);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_util_torch_version();
    [LibraryImport(Lib)] internal static partial int nbdl_util_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int nbdl_util_get_num_threads();
    [LibraryImport(Lib)] internal static partial int nbdl_util_manual_seed(long seed);
    [LibraryImport(Lib)] internal static partial int nbdl_util_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int nbdl_util_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int nbdl_autograd_is_grad_enabled();
    [LibraryImport(Lib)] internal static partial int nbdl_autograd_set_grad_enabled(int enabled);

    /// <summary>Throws the pending native error when <paramref name="result"/> is the null sentinel.</summary>
    internal static IntPtr Check(IntPtr result)
    {
        if (result == IntPtr.Zero) throw LastError();
        return result;
    }

    /// <summary>Throws the pending native error when <paramref name="status"/> is negative.</summary>
    internal static int Check(int status)
    {
        if (status < 0) throw LastError();
        return status;
    }

    internal static TorchException LastError()
    {
        var message = Marshal.PtrToStringUTF8(nbdl_util_last_error()) ?? "unknown libtorch error";
        return (TorchErrorKind)nbdl_util_last_error_kind() switch
        {
            TorchErrorKind.Index => new TorchIndexException(message),
            TorchErrorKind.OutOfMemory => new TorchOutOfMemoryException(message),
            var kind => new TorchException(message, kind),
        };
    }

    /// <summary>Copies a native list of tensor handles (malloc'ed by the shim) into tensors and frees the list.</summary>
    internal static Tensor[] TakeList(IntPtr* list, int count)
    {
        Check(count);
        try
        {
            var result = new Tensor[count];
            for (var i = 0; i < count; i++) result[i] = new Tensor(list[i]);
            return result;
        }
        finally
        {
            nbdl_util_free((IntPtr)list);
        }
    }
}
