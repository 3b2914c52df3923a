using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookDL.Vision;

/// <summary>
/// Reads the IDX format of (Fashion-)MNIST, optionally gzipped: two zero bytes, a type byte (0x08 = unsigned
/// byte), the number of dimensions, each dimension as a big-endian int32, then the data row-major.
/// </summary>
internal static class IdxFile
{
    /// <summary>The dimensions and bytes of an unsigned-byte IDX file (a <c>.gz</c> name is decompressed).</summary>
    public static (int[] Shape, byte[] Data) Read(string path, int? limit = null)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> word = stackalloc byte[4];
        stream.ReadExactly(word);
        if (word[0] != 0 || word[1] != 0) throw new InvalidDataException($"'{path}' is not an IDX file (bad magic {Convert.ToHexString(word)}).");
        if (word[2] != 0x08) throw new InvalidDataException($"'{path}' holds IDX type 0x{word[2]:X2}; only unsigned bytes (0x08) are supported.");
        var shape = new int[word[3]];
        for (var i = 0; i < shape.Length; i++)
        {
            stream.ReadExactly(word);
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(word);
        }
        // Reading only the first `limit` items keeps test runs from inflating all 47 MB.
        if (limit is { } n && shape.Length > 0) shape[0] = Math.Min(shape[0], n);
        var length = shape.Aggregate(1L, (a, d) => a * d);
        var data = new byte[length];
        stream.ReadExactly(data);
        return (shape, data);
    }
}
