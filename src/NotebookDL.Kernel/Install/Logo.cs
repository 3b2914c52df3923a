using System.IO.Compression;
using System.Buffers.Binary;

namespace NotebookDL.Kernel.Install;

/// <summary>
/// Draws the kernel logo (a purple rounded square with a white "C#"-like mark) and encodes it as a PNG
/// with nothing but zlib from the BCL, so installing needs no image library.
/// </summary>
internal static class Logo
{
    public static byte[] Png(int size)
    {
        var rgba = Draw(size);
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;  // bits per channel
        header[9] = 6;  // colour type RGBA
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(rgba, size));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Draw(int size)
    {
        var pixels = new byte[size * size * 4];
        double r = size * 0.18, s = size;
        for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
        {
            // Rounded square: distance to the inner rectangle shrunk by the corner radius.
            double dx = Math.Max(Math.Max(r - x, x - (s - 1 - r)), 0), dy = Math.Max(Math.Max(r - y, y - (s - 1 - r)), 0);
            bool inside = dx * dx + dy * dy <= r * r;
            double u = (x + 0.5) / s, v = (y + 0.5) / s;
            double ring = Math.Sqrt((u - 0.4) * (u - 0.4) + (v - 0.5) * (v - 0.5));
            bool c = ring is > 0.17 and < 0.27 && !(u > 0.45 && Math.Abs(v - 0.5) < 0.12);
            bool hash = (Math.Abs(u - 0.68) < 0.025 || Math.Abs(u - 0.78) < 0.025 || Math.Abs(v - 0.45) < 0.025 || Math.Abs(v - 0.57) < 0.025)
                        && u is > 0.62 and < 0.84 && v is > 0.36 and < 0.66;
            int i = (y * size + x) * 4;
            (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = !inside ? ((byte)0, (byte)0, (byte)0, (byte)0)
                : c || hash ? ((byte)255, (byte)255, (byte)255, (byte)255)
                : ((byte)104, (byte)33, (byte)122, (byte)255);
        }
        return pixels;
    }

    private static byte[] Compress(byte[] rgba, int size)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < size; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(rgba, y * size * 4, size * 4);
            }
        }
        return raw.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeBytes, data));
        png.Write(word);
    }

    private static uint Crc32(byte[] type, byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
