

namespace NotebookDL.Serialization;

/// <summary>
/// Converts between tensors and the little-endian element bytes of PyTorch's storage files, and names the storage
/// classes (<c>torch.FloatStorage</c>, ...) that persistent ids carry. Only the byte conversions are public
/// (tests exchange raw tensors with Python through them); the rest serves the serializer.
/// </summary>
public static class TensorBytes
{
    private static readonly (ScalarType Dtype, string Name)[] StorageNames =
    [
        (ScalarType.Float32, "FloatStorage"), (ScalarType.Float64, "DoubleStorage"), (ScalarType.Float16, "HalfStorage"),
        (ScalarType.BFloat16, "BFloat16Storage"), (ScalarType.Int64, "LongStorage"), (ScalarType.Int32, "IntStorage"),
        (ScalarType.Int16, "ShortStorage"), (ScalarType.Int8, "CharStorage"), (ScalarType.Byte, "ByteStorage"),
        (ScalarType.Bool, "BoolStorage"),
    ];

    internal static string StorageName(ScalarType dtype) =>
        StorageNames.FirstOrDefault(s => s.Dtype == dtype).Name
        ?? throw new NotSupportedException($"torch.save cannot write {dtype.TorchName()} tensors.");

    internal static StorageType? Storage(string name) =>
        StorageNames.Where(s => s.Name == name).Select(s => new StorageType(s.Dtype, s.Name)).FirstOrDefault();

    /// <summary>The elements of <paramref name="t"/> in row-major order, as the bytes PyTorch stores.</summary>
    public static byte[] ToBytes(Tensor t)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("PyTorch files are little-endian.");
        StorageName(t.dtype);   // refuses the dtypes PyTorch files cannot hold here, naming them
        using var scope = torch.NewDisposeScope();
        // Raw storage bytes are the same layout in libtorch and in PyTorch's files (bool is one 0/1 byte).
        return t.detach().cpu().contiguous().bytes.ToArray();
    }

    /// <summary>A new contiguous tensor holding <paramref name="bytes"/> (row-major) as <paramref name="dtype"/>.</summary>
    public static Tensor FromBytes(ReadOnlySpan<byte> bytes, ScalarType dtype, long[] shape)
    {
        if (!StorageNames.Any(s => s.Dtype == dtype)) throw new NotSupportedException($"torch.load cannot read {dtype.TorchName()} tensors.");
        var t = torch.empty(shape, dtype);
        if (dtype == ScalarType.Bool)
        {
            // Any non-zero byte is true, as in PyTorch; normalise so that .NET bools hold only 0 or 1.
            var normalised = new byte[bytes.Length];
            for (var i = 0; i < bytes.Length; i++) normalised[i] = bytes[i] != 0 ? (byte)1 : (byte)0;
            t.bytes = normalised;
        }
        else t.bytes = bytes.ToArray();
        return t;
    }

    /// <summary>
    /// The elements a (size, stride, offset) view selects from a storage, gathered into row-major order — how a
    /// non-contiguous saved tensor becomes a contiguous one here.
    /// </summary>
    internal static byte[] Gather(ReadOnlySpan<byte> storage, int elementSize, long offset, long[] size, long[] stride, string what)
    {
        long count = 1;
        long last = offset;
        for (var d = 0; d < size.Length; d++)
        {
            if (size[d] < 0 || stride[d] < 0) throw new InvalidDataException($"{what} has a negative size or stride.");
            count *= size[d];
            if (size[d] > 0) last += (size[d] - 1) * stride[d];
        }
        var storageElements = storage.Length / elementSize;
        if (count > 0 && (offset < 0 || last >= storageElements))
            throw new InvalidDataException($"{what} reads element {last} of a storage of {storageElements} elements.");

        var result = new byte[checked(count * elementSize)];
        if (count == 0) return result;
        if (IsContiguous(size, stride))
        {
            storage.Slice(checked((int)(offset * elementSize)), result.Length).CopyTo(result);
            return result;
        }
        var index = new long[size.Length];
        var source = offset;
        for (long i = 0; i < count; i++)
        {
            storage.Slice((int)(source * elementSize), elementSize).CopyTo(result.AsSpan((int)(i * elementSize)));
            // Advance the multi-index like an odometer, keeping the storage position in step.
            for (var d = size.Length - 1; d >= 0; d--)
            {
                if (++index[d] < size[d]) { source += stride[d]; break; }
                source -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return result;
    }

    /// <summary>Row-major strides for <paramref name="size"/>.</summary>
    internal static long[] ContiguousStrides(long[] size)
    {
        var stride = new long[size.Length];
        long s = 1;
        for (var d = size.Length - 1; d >= 0; d--)
        {
            stride[d] = s;
            s *= Math.Max(size[d], 1);
        }
        return stride;
    }

    private static bool IsContiguous(long[] size, long[] stride)
    {
        long expected = 1;
        for (var d = size.Length - 1; d >= 0; d--)
        {
            if (size[d] != 1 && stride[d] != expected) return false;
            expected *= size[d];
        }
        return true;
    }
}
