using System.Buffers.Binary;
using System.IO.Compression;
using NotebookDL.Display.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookDL.Display.Tests;

public class TensorFormatterTests
{
    [Fact]
    public void Plain_text_is_pytorchs_and_html_card_has_metadata_and_statistics()
    {
        using var scope = NewDisposeScope();
        var values = new[] { 1.0, 2.0, 3.0, 4.0 };
        var t = tensor(values, dtype: float32).reshape(2, 2).requires_grad_();
        var y = t * 2;
        var bundle = Formatter.Format(y);
        Assert.Equal(TensorPrinter.Print(y), bundle.Data[MimeBundle.TextPlain]);
        var html = bundle.Data[MimeBundle.TextHtml];
        Assert.Contains("[2, 2]", html);
        Assert.Contains("torch.float32", html);
        Assert.Contains("is_leaf</th><td><code>False</code>", html); // TorchSharp names no grad_fn; a computed tensor is no leaf
        var doubled = values.Select(v => v * 2).ToArray();
        var mean = doubled.Average();
        var std = Math.Sqrt(doubled.Sum(v => (v - mean) * (v - mean)) / (doubled.Length - 1));
        Assert.Contains($"<code>{doubled.Min():G6}</code>", html);
        Assert.Contains($"<code>{doubled.Max():G6}</code>", html);
        Assert.Contains($"<code>{mean:G6}</code>", html);
        Assert.Contains($"<code>{std:G6}</code>", html);
        Assert.False(bundle.Data.ContainsKey(MimeBundle.ImagePng)); // 2x2 is a matrix, not a picture
    }

    [Fact]
    public void Image_shaped_tensors_become_pngs_of_the_right_size_and_colour()
    {
        using var scope = NewDisposeScope();
        var red = zeros(3, 16, 16);
        red[0] = ones(16, 16);
        var bundle = Formatter.Format(red);
        var (width, height, colorType, pixels) = DecodePng(bundle.Data[MimeBundle.ImagePng]);
        Assert.Equal(112, width);          // 16 px scaled x7 for visibility
        Assert.Equal(112, height);
        Assert.Equal(2, colorType);        // RGB
        Assert.Equal(new byte[] { 255, 0, 0 }, pixels[..3]);

        var gray = Formatter.Format(full(new long[] { 10, 20 }, 200, dtype: uint8));
        var decoded = DecodePng(gray.Data[MimeBundle.ImagePng]);
        Assert.Equal(0, decoded.ColorType);
        Assert.Equal(200, decoded.Pixels[0]);
    }

    [Fact]
    public void Out_of_range_or_badly_shaped_tensors_are_not_images()
    {
        using var scope = NewDisposeScope();
        Assert.False(Formatter.Format(randn(3, 16, 16) * 10).Data.ContainsKey(MimeBundle.ImagePng));
        Assert.False(Formatter.Format(rand(2, 16, 16)).Data.ContainsKey(MimeBundle.ImagePng));
        Assert.False(Formatter.Format(ones(new long[] { 16, 16 }, dtype: int64)).Data.ContainsKey(MimeBundle.ImagePng));
    }

    [Fact]
    public void Heatmap_maps_minimum_and_maximum_to_the_colour_map_ends()
    {
        using var scope = NewDisposeScope();
        var values = arange(0, 64, dtype: float32).reshape(8, 8);
        var bundle = Formatter.Format(values.AsHeatmap(Imaging.ColorMap.Gray));
        var (width, _, colorType, pixels) = DecodePng(bundle.Data[MimeBundle.ImagePng]);
        Assert.Equal(2, colorType);
        Assert.Equal(Imaging.ColorMap.Gray.Map(0.0), (pixels[0], pixels[1], pixels[2]));
        var last = pixels.Length - 3;
        Assert.Equal(Imaging.ColorMap.Gray.Map(1.0), (pixels[last], pixels[last + 1], pixels[last + 2]));
        Assert.True(width >= 112);
        Assert.Throws<ArgumentException>(() => TensorImage.Heatmap(zeros(2, 2, 2)));
    }

    // Minimal PNG reader for 8-bit images written with filter type 0 (what PngEncoder emits).
    private static (int Width, int Height, int ColorType, byte[] Pixels) DecodePng(string base64)
    {
        var png = Convert.FromBase64String(base64);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        int colorType = png[25];
        var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (System.Text.Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT") idat.Write(png, offset + 8, length);
            offset += 12 + length;
        }
        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var channels = colorType == 2 ? 3 : colorType == 6 ? 4 : 1;
        var rows = raw.ToArray();
        var pixels = new List<byte>();
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (width * channels + 1)]);
            pixels.AddRange(rows.AsSpan(y * (width * channels + 1) + 1, width * channels).ToArray());
        }
        return (width, height, colorType, pixels.ToArray());
    }
}
