using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

/// <summary>Decoding parity with PIL on files PIL wrote, and the errors for bad input.</summary>
public class ImageDecodeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Png_written_by_PIL_decodes_to_identical_pixels(int channels)
    {
        using var dir = new TempDir();
        var pixels = TestImages.Random(37, 23, channels, seed: channels);
        var reference = Python.PilSave(pixels, 37, 23, channels, dir.File("a.png"), "PNG");

        using var t = ImageIO.Load(dir.File("a.png"));

        Assert.Equal([23L, 37L, channels], t.shape);
        Assert.Equal(ScalarType.Byte, t.dtype);
        Assert.Equal(reference, t.ToArray<byte>());
    }

    [Fact]
    public void Bmp_written_by_PIL_decodes_to_identical_pixels()
    {
        using var dir = new TempDir();
        var pixels = TestImages.Random(31, 17, 3, seed: 7);
        var reference = Python.PilSave(pixels, 31, 17, 3, dir.File("a.bmp"), "BMP");

        var image = ImageIO.LoadImage(dir.File("a.bmp"));

        Assert.Equal((31, 17, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(reference, image.Pixels);
    }

    [Fact]
    public void Jpeg_decodes_within_two_levels_of_PIL_on_average()
    {
        using var dir = new TempDir();
        var pixels = TestImages.Smooth(64, 48, 3);
        var reference = Python.PilSave(pixels, 64, 48, 3, dir.File("a.jpg"), "JPEG", quality: 90);

        var image = ImageIO.LoadImage(dir.File("a.jpg"));

        Assert.Equal((64, 48, 3), (image.Width, image.Height, image.Channels));
        var meanAbs = image.Pixels.Zip(reference, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanAbs < 2, $"mean |ours - PIL| = {meanAbs}");
    }

    [Fact]
    public void Gray_conversion_matches_PIL_convert_L()
    {
        using var dir = new TempDir();
        var pixels = TestImages.Random(20, 10, 3, seed: 3);
        Python.PilSave(pixels, 20, 10, 3, dir.File("rgb.png"), "PNG");
        var reference = PythonProcess.Run("""
            import sys
            from PIL import Image
            sys.stdout.write(Image.open(sys.argv[1]).convert("L").tobytes().hex())
            """, dir.File("rgb.png"));

        var gray = ImageIO.LoadImage(dir.File("rgb.png"), mode: "L");

        Assert.Equal(1, gray.Channels);
        Assert.Equal(Convert.FromHexString(reference), gray.Pixels);
    }

    [Fact]
    public void Gray_to_RGB_replicates_the_channel()
    {
        using var dir = new TempDir();
        var pixels = TestImages.Random(5, 4, 1, seed: 1);
        TestImages.WritePng(dir.File("g.png"), pixels, 5, 4, 1);

        var rgb = ImageIO.LoadImage(dir.File("g.png"), mode: "RGB");

        Assert.Equal(3, rgb.Channels);
        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(pixels[i], rgb.Pixels[3 * i]);
            Assert.Equal(pixels[i], rgb.Pixels[3 * i + 1]);
            Assert.Equal(pixels[i], rgb.Pixels[3 * i + 2]);
        }
    }

    [Fact]
    public void SavePng_output_is_read_back_by_PIL_unchanged()
    {
        using var dir = new TempDir();
        var pixels = TestImages.Random(9, 6, 3, seed: 11);
        using var t = tensor(pixels, new long[] { 6, 9, 3 });

        ImageIO.SavePng(t, dir.File("ours.png"));

        var pil = PythonProcess.Run("""
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1]); sys.stdout.write(im.mode + " " + im.tobytes().hex())
            """, dir.File("ours.png")).Split(' ');
        Assert.Equal("RGB", pil[0]);
        Assert.Equal(pixels, Convert.FromHexString(pil[1]));
    }

    [Fact]
    public void Corrupt_file_throws_naming_the_file_and_the_reason()
    {
        using var dir = new TempDir();
        var path = dir.File("broken.png");
        File.WriteAllBytes(path, "this is not an image at all"u8.ToArray());

        var e = Assert.Throws<ImageDecodeException>(() => ImageIO.Load(path));

        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.FilePath);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        Assert.Contains(e.Reason, e.Message);
    }

    [Fact]
    public void Truncated_png_throws_decode_exception()
    {
        using var dir = new TempDir();
        TestImages.WritePng(dir.File("full.png"), TestImages.Random(40, 40, 3, 2), 40, 40, 3);
        var bytes = File.ReadAllBytes(dir.File("full.png"));
        File.WriteAllBytes(dir.File("cut.png"), bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<ImageDecodeException>(() => ImageIO.LoadImage(dir.File("cut.png")));
        Assert.Contains("cut.png", e.Message);
    }

    [Fact]
    public void Missing_file_throws_FileNotFound_with_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "nbdl-does-not-exist-" + Guid.NewGuid().ToString("N") + ".png");

        var e = Assert.Throws<FileNotFoundException>(() => ImageIO.Load(path));

        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void ReadInfo_reports_size_without_decoding()
    {
        using var dir = new TempDir();
        TestImages.WritePng(dir.File("a.png"), TestImages.Random(13, 7, 4, 5), 13, 7, 4);

        Assert.Equal((13, 7, 4), ImageIO.ReadInfo(dir.File("a.png")));
    }
}
