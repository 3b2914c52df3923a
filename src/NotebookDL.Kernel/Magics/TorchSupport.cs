using System.Runtime.InteropServices;
using NotebookDL.Display.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookDL.Kernel.Magics;

/// <summary>
/// The kernel's few direct uses of torch (seeding, threads, describing tensors). The managed assembly is
/// always present, but its native libtorch may fail to load: every call is guarded so the kernel keeps working.
/// </summary>
internal static class TorchSupport
{
    /// <summary>Seeds torch's generator; returns null on success or why torch could not be seeded.</summary>
    public static string? TrySeed(long seed)
    {
        try
        {
            torch.manual_seed(seed);
            return null;
        }
        catch (Exception ex) when (ex is ExternalException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or NotSupportedException)
        {
            return Innermost(ex).Message;
        }
    }

    /// <summary>Sets torch's intra-op thread count; throws with libtorch's own message if torch is unusable.</summary>
    public static void SetThreads(int threads)
    {
        try
        {
            torch.set_num_threads(threads);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or NotSupportedException)
        {
            throw new InvalidOperationException($"#!threads needs libtorch through TorchSharp: {Innermost(ex).Message}", ex);
        }
    }

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

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }
}
