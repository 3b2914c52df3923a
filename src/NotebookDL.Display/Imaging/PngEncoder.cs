using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NotebookDL.Display.Imaging;

/// <summary>
/// Writes 8-bit PNG images (gray, RGB, RGBA) from interleaved pixel bytes, row-major, top row first.
/// Each row gets filter type 0 (None): the images shown in notebooks are small, so adaptive filtering would
/// buy little and cost clarity.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="pixels"/> (<c>height * width * channels</c> bytes) as a PNG file.</summary>
    /// <param name="pixels">Interleaved 8-bit samples, row-major, top row first.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">1 (gray), 3 (RGB) or 4 (RGBA).</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        var colorType = channels switch
        {
            1 => (byte)0,
            3 => (byte)2,
            4 => (byte)6,
            _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "PNG channels must be 1 (gray), 3 (RGB) or 4 (RGBA)."),
        };
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Image width must be positive.");
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "Image height must be positive.");
        var stride = checked(width * channels);
        if (pixels.Length != checked(stride * height))
        {
            throw new ArgumentException($"Expected {stride * height} pixel bytes for {width}x{height}x{channels}, got {pixels.Length}.", nameof(pixels));
        }

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = colorType;
        // bytes 10-12: compression 0 (deflate), filter method 0, interlace 0 (none) — already zero.
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(pixels, stride, height));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int stride, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter type None for this scanline
                zlib.Write(pixels.Slice(y * stride, stride));
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);

        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);

        // The CRC covers the chunk type and data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(typeBytes), data));
        png.Write(word);
    }
}
