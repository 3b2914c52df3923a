using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

/// <summary>Bilinear resizing against PIL (what fastai uses) and PyTorch.</summary>
public class ResamplerTests
{
    [Theory]
    [InlineData(28, 28, 3, 32, 32)]   // Fashion-MNIST to 32: enlarging
    [InlineData(28, 28, 1, 64, 64)]
    [InlineData(40, 30, 3, 17, 11)]   // shrinking: PIL widens the filter (antialiasing)
    [InlineData(20, 15, 3, 33, 7)]    // enlarge one axis, shrink the other
    public void Resize_matches_PIL_bilinear_within_one_level(int w, int h, int c, int outW, int outH)
    {
        using var dir = new TempDir();
        var pixels = TestImages.Random(w, h, c, seed: w * outW);
        File.WriteAllBytes(dir.File("in.raw"), pixels);
        var expected = Convert.FromHexString(PythonProcess.Run("""
            import sys
            from PIL import Image
            w, h, c, ow, oh = map(int, sys.argv[2:7])
            img = Image.frombytes({1: "L", 3: "RGB"}[c], (w, h), open(sys.argv[1], "rb").read())
            sys.stdout.write(img.resize((ow, oh), Image.BILINEAR).tobytes().hex())
            """, dir.File("in.raw"), $"{w}", $"{h}", $"{c}", $"{outW}", $"{outH}"));

        var actual = Resampler.Resize(new Image(pixels, w, h, c), outW, outH);

        Assert.Equal((outW, outH, c), (actual.Width, actual.Height, actual.Channels));
        var maxDiff = actual.Pixels.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff <= 1, $"max |ours - PIL| = {maxDiff}");
    }

    [Fact]
    public void Enlarging_matches_torch_bilinear_without_align_corners()
    {
        var pixels = TestImages.Random(7, 5, 1, seed: 9);
        var expected = PythonProcess.Run("""
            import sys, torch
            x = torch.tensor(list(bytes.fromhex(sys.argv[1])), dtype=torch.float32).reshape(1, 1, 5, 7)
            y = torch.nn.functional.interpolate(x, size=(12, 16), mode="bilinear", align_corners=False)
            print(" ".join(str(v) for v in y.flatten().tolist()))
            """, Convert.ToHexString(pixels)).Split(' ').Select(double.Parse).ToArray();

        var actual = Resampler.Resize(new Image(pixels, 7, 5, 1), 16, 12);

        // Like PIL we round to 8 bits after each separable pass, so two roundings of up to 0.5 each.
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(actual.Pixels[i] - expected[i]) <= 1.0, $"pixel {i}: {actual.Pixels[i]} vs torch {expected[i]}");
        Assert.True(actual.Pixels.Zip(expected, (a, e) => Math.Abs(a - e)).Average() < 0.4); // a single rounding averages 0.25
    }

    [Fact]
    public void Resizing_a_horizontal_gradient_keeps_it_monotonic_and_rows_equal()
    {
        const int w = 28, h = 28;
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) pixels[y * w + x] = (byte)(x * 9);

        var big = Resampler.Resize(new Image(pixels, w, h, 1), 64, 64);

        for (var y = 0; y < 64; y++)
        {
            for (var x = 1; x < 64; x++) Assert.True(big[y, x] >= big[y, x - 1], $"row {y} decreases at x={x}");
            for (var x = 0; x < 64; x++) Assert.Equal(big[0, x], big[y, x]);
        }
        Assert.Equal(0, big[0, 0]);
        Assert.Equal(27 * 9, big[0, 63]);
    }

    [Fact]
    public void Same_size_returns_the_input()
    {
        var image = new Image(TestImages.Random(4, 4, 3, 1), 4, 4, 3);
        Assert.Same(image, Resampler.Resize(image, 4, 4));
    }
}
