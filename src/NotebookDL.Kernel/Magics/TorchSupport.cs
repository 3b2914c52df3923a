using System.Runtime.InteropServices;
using NotebookDL.Display.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookDL.Kernel.Magics;

/// <summary>
/// The kernel's direct use of torch outside the shared magics (describing tensors). The managed assembly is
/// always present, but its native libtorch may fail to load: every call is guarded so the kernel keeps working.
/// </summary>
internal static class TorchSupport
{
    /// <summary>"shape [2, 3], float32, 24 bytes" for a tensor; null for anything else.</summary>
    public static string? Describe(object? value)
    {
        if (value is not Tensor tensor) return null;
        try
        {
            var dtype = tensor.dtype;
            return $"shape [{string.Join(", ", tensor.shape)}], {dtype.TorchName()}, {tensor.numel() * tensor.ElementSize:N0} bytes";
        }
        catch (Exception ex) when (ex is ExternalException or ObjectDisposedException or InvalidOperationException)
        {
            return $"<tensor: {ex.Message}>";
        }
    }
}
