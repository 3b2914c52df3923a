using TorchSharp;
using static TorchSharp.torch;

// In the root namespace, so that every NotebookDL namespace (and the tests') sees the extension without a using.
namespace NotebookDL;

/// <summary>Reading a tensor's elements into .NET, as <c>t.tolist()</c> would in PyTorch.</summary>
public static class TensorData
{
    /// <summary>
    /// The elements in row-major order, converted to <typeparamref name="T"/> if the dtype differs (TorchSharp's
    /// <c>data&lt;T&gt;()</c> insists on the exact dtype) and copied from any device or layout.
    /// </summary>
    public static T[] ToArray<T>(this Tensor t) where T : unmanaged
    {
        using var scope = NewDisposeScope();
        var host = t.detach().to(DTypeOf<T>()).cpu().contiguous();
        return host.data<T>().ToArray();
    }

    /// <summary>
    /// The value of a one-element tensor of any dtype or device, as a double: PyTorch's <c>t.item()</c>. Use it in
    /// code that runs every batch instead of TorchSharp's <c>ToDouble()</c>/<c>ToSingle()</c>/<c>ToInt64()</c>,
    /// which go through a native Scalar that only the finalizer frees (small blocks that fragment glibc's heap
    /// between libtorch's large buffers; see Optimizer.Arg).
    /// </summary>
    public static double Item(this Tensor t)
    {
        if (t.numel() != 1)
            throw new ArgumentException($"Item() reads a one-element tensor; this one has shape [{string.Join(", ", t.shape)}].", nameof(t));
        if (t.device_type == DeviceType.CPU)
        {
            // Read in place: ToArray's detach, cast and copy cost microseconds per call in per-step code.
            switch (t.dtype)
            {
                case ScalarType.Float32: return System.Runtime.InteropServices.MemoryMarshal.Read<float>(t.bytes);
                case ScalarType.Float64: return System.Runtime.InteropServices.MemoryMarshal.Read<double>(t.bytes);
                case ScalarType.Int64: return System.Runtime.InteropServices.MemoryMarshal.Read<long>(t.bytes);
            }
        }
        return t.ToArray<double>()[0];
    }

    private static ScalarType DTypeOf<T>() =>
        typeof(T) == typeof(float) ? ScalarType.Float32
        : typeof(T) == typeof(double) ? ScalarType.Float64
        : typeof(T) == typeof(long) ? ScalarType.Int64
        : typeof(T) == typeof(int) ? ScalarType.Int32
        : typeof(T) == typeof(short) ? ScalarType.Int16
        : typeof(T) == typeof(sbyte) ? ScalarType.Int8
        : typeof(T) == typeof(byte) ? ScalarType.Byte
        : typeof(T) == typeof(bool) ? ScalarType.Bool
        : typeof(T) == typeof(Half) ? ScalarType.Float16
        : throw new NotSupportedException($"{typeof(T).Name} has no tensor dtype; use float, double, long, int, short, sbyte, byte, bool or Half.");
}
