using System.Runtime.InteropServices;
using NotebookDL.Torch.Native;

namespace NotebookDL.Torch;

/// <summary>
/// The <c>torch</c> namespace of PyTorch as a static class: use it with <c>using static NotebookDL.Torch.torch;</c>
/// to write <c>randn(2, 3)</c>, <c>float32</c>, <c>no_grad()</c> as in Python. Split by topic: torch.Create (factories),
/// torch.Ops (functional forms), torch.Autograd (grad modes, autograd.grad).
/// </summary>
public static partial class torch
{
    public const ScalarType uint8 = ScalarType.Byte;
    public const ScalarType int8 = ScalarType.Int8;
    public const ScalarType int16 = ScalarType.Int16;
    public const ScalarType int32 = ScalarType.Int32;
    public const ScalarType int64 = ScalarType.Int64;
    public const ScalarType float16 = ScalarType.Float16;
    public const ScalarType float32 = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64;
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    public const ScalarType @bool = ScalarType.Bool;
    public const ScalarType half = ScalarType.Float16;
    public const ScalarType @float = ScalarType.Float32;
    public const ScalarType @double = ScalarType.Float64;
    public const ScalarType @long = ScalarType.Int64;
    public const ScalarType @int = ScalarType.Int32;

    public static readonly Device CPU = Device.CPU;

    public static Device CUDA => new(DeviceType.CUDA, 0);

    public static Device device(string description) => new(description);

    /// <summary>Python's <c>...</c> inside an index: <c>x[Ellipsis, 0]</c>.</summary>
    public static readonly TensorIndex Ellipsis = TensorIndex.Ellipsis;

    /// <summary>Python's <c>None</c> inside an index (a new axis of size 1).</summary>
    public static readonly TensorIndex newaxis = TensorIndex.None;

    /// <summary>The libtorch version the native shim was built against, e.g. "1.13.1".</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(NativeMethods.nbdl_util_torch_version()) ?? "";

    /// <summary>Seeds libtorch's default generator (CPU and CUDA), as <c>torch.manual_seed</c>.</summary>
    public static void manual_seed(long seed) => NativeMethods.Check(NativeMethods.nbdl_util_manual_seed(seed));

    /// <summary>
    /// Intra-op threads. libtorch starts with 1 here; NotebookDL keeps that default because on this 2-core class of
    /// machine a second thread makes small-model training steps ~2x slower while convolutions gain only ~5%
    /// (measured; see tests/Benchmarks/README.md). Raise it for large convolutional models.
    /// </summary>
    public static void set_num_threads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "set_num_threads needs at least 1 thread.");
        NativeMethods.Check(NativeMethods.nbdl_util_set_num_threads(threads));
    }

    public static int get_num_threads() => NativeMethods.nbdl_util_get_num_threads();

    /// <summary>Starts a <see cref="DisposeScope"/> that frees every tensor created on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope() => new();

    public static class cuda
    {
        public static bool is_available() => NativeMethods.nbdl_util_cuda_is_available() != 0;

        public static int device_count() => NativeMethods.Check(NativeMethods.nbdl_util_cuda_device_count());
    }
}
