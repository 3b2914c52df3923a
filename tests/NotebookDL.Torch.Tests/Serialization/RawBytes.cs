using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Tests.Serialization;

/// <summary>A tensor's elements as the raw little-endian bytes numpy's tobytes() gives, for byte-exact comparisons.</summary>
internal static class RawBytes
{
    public static byte[] Of(Tensor t) => t.dtype switch
    {
        ScalarType.Float32 => B(t.ToArray<float>()),
        ScalarType.Float64 => B(t.ToArray<double>()),
        ScalarType.Float16 => B(t.ToArray<Half>()),
        ScalarType.Int64 => B(t.ToArray<long>()),
        ScalarType.Int32 => B(t.ToArray<int>()),
        ScalarType.Int16 => B(t.ToArray<short>()),
        ScalarType.Int8 => B(t.ToArray<sbyte>()),
        ScalarType.Byte => t.ToArray<byte>(),
        ScalarType.Bool => B(t.ToArray<bool>()),
        // bfloat16 -> float32 is exact; the original bits are the float's top half.
        ScalarType.BFloat16 => B(Array.ConvertAll(t.ToArray<float>(), f => (ushort)(BitConverter.SingleToUInt32Bits(f) >> 16))),
        var d => throw new NotSupportedException(d.ToString()),
    };

    private static byte[] B<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
