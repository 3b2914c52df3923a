using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Tests;

public class PngEncoderTests
{
    private static byte[] RandomPixels(int width, int height, int channels, int seed)
    {
        var pixels = new byte[width * height * channels];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        // The CRC-32/ISO-HDLC check value for "123456789" is published with the algorithm.
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(Crc32.Compute("123456789"u8), Crc32.Append(Crc32.Compute("1234"u8), "56789"u8));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Chunks_have_valid_crcs_and_rows_inflate_back_to_the_pixels(int channels)
    {
        const int width = 7, height = 5;
        var pixels = RandomPixels(width, height, channels, channels);
        var png = PngEncoder.Encode(pixels, width, height, channels);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));

        var header = chunks[0].Data;
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(8, header[8]);
        Assert.Equal(channels switch { 1 => 0, 3 => 2, _ => 6 }, header[9]);

        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        Assert.Equal(height * (stride + 1), raw.Length);
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (stride + 1)]); // filter byte
            Assert.Equal(pixels.AsSpan(y * stride, stride).ToArray(), raw.AsSpan(y * (stride + 1) + 1, stride).ToArray());
        }
    }

    [Theory]
    [InlineData(1, "L")]
    [InlineData(3, "RGB")]
    [InlineData(4, "RGBA")]
    public void Pillow_decodes_the_same_pixels(int channels, string mode)
    {
        // build.sh installs python3-pil; without it this test fails rather than passing silently.
        const int width = 13, height = 9;
        var pixels = RandomPixels(width, height, channels, 100 + channels);
        using var dir = new TempDir("nbdl-png-");
        var path = dir.File("image.png");
        File.WriteAllBytes(path, PngEncoder.Encode(pixels, width, height, channels));
        var output = PythonProcess.Run($"from PIL import Image; im = Image.open('{path}'); im.load(); print(im.mode, im.size[0], im.size[1]); print(im.tobytes().hex())");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{mode} {width} {height}", lines[0].Trim());
        Assert.Equal(Convert.ToHexStringLower(pixels), lines[1].Trim());
    }

    [Fact]
    public void Wrong_sizes_and_channel_counts_are_rejected_with_the_values()
    {
        var tooFew = Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[5], 2, 2, 3));
        Assert.Contains("12", tooFew.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(new byte[8], 2, 2, 2));
    }

    [Fact]
    public void ImageBundle_holds_base64_png_and_plain_text()
    {
        var pixels = RandomPixels(4, 3, 3, 9);
        var bundle = ImageBundle.FromPixels(pixels, 4, 3, 3);
        var png = Convert.FromBase64String(bundle.Data["image/png"]);
        Assert.Equal(PngEncoder.Encode(pixels, 4, 3, 3), png);
        Assert.Contains("4x3", bundle.Data["text/plain"]);
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.Compute(png.AsSpan(offset + 4, 4 + length)), crc);
            chunks.Add((type, data));
            offset += 12 + length;
        }
        return chunks;
    }
}
