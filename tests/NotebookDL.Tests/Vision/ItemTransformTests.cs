using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

/// <summary>Output sizes and geometry of Resize, CenterCrop and RandomResizedCrop, from constructed images.</summary>
public class ItemTransformTests
{
    private static ItemContext Train(int seed = 0) => new(true, new Random(seed));
    private static readonly ItemContext Valid = new(false, new Random(0));

    /// <summary>A w x h gray image whose pixel value encodes its column (x), so crops can be located.</summary>
    private static Image Columns(int w, int h)
    {
        var p = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) p[y * w + x] = (byte)x;
        return new Image(p, w, h, 1);
    }

    private static Image Constant(int w, int h, byte value, int channels = 3)
    {
        var p = new byte[w * h * channels];
        Array.Fill(p, value);
        return new Image(p, w, h, channels);
    }

    [Theory]
    [InlineData(ResizeMethod.Crop)]
    [InlineData(ResizeMethod.Pad)]
    [InlineData(ResizeMethod.Squish)]
    public void Resize_gives_the_requested_size(ResizeMethod method)
    {
        var image = new Image(TestImages.Random(50, 30, 3, 1), 50, 30, 3);
        foreach (var ctx in new[] { Train(), Valid })
        {
            var r = new Resize(20, 24, method).Apply(image, ctx);
            Assert.Equal((24, 20, 3), (r.Width, r.Height, r.Channels));
        }
    }

    [Fact]
    public void Resize_crop_on_valid_takes_the_centre_of_a_wide_image()
    {
        // 40x10 -> 10x10: the square window of side 10 centred at x = 15..24, no scaling.
        var r = new Resize(10).Apply(Columns(40, 10), Valid);
        Assert.Equal(15, r[0, 0]);
        Assert.Equal(24, r[9, 9]);
    }

    [Fact]
    public void Resize_crop_on_train_moves_the_window_but_stays_inside()
    {
        var starts = new HashSet<int>();
        for (var seed = 0; seed < 20; seed++)
        {
            var r = new Resize(10).Apply(Columns(40, 10), Train(seed));
            var start = r[0, 0];
            Assert.InRange(start, 0, 30);
            Assert.Equal(start + 9, r[0, 9]); // an unscaled 10-wide window
            starts.Add(start);
        }
        Assert.True(starts.Count > 3, $"only {starts.Count} distinct crop positions");
    }

    [Fact]
    public void Resize_pad_puts_black_bars_around_the_whole_image()
    {
        // 20x10 white -> 20x20: the window grows to 20x20 with 5 rows of zeros above and below.
        var r = new Resize(20, ResizeMethod.Pad).Apply(Constant(20, 10, 255, 1), Valid);
        Assert.Equal(0, r[0, 10]);
        Assert.Equal(0, r[4, 10]);
        Assert.Equal(255, r[5, 10]);
        Assert.Equal(255, r[14, 10]);
        Assert.Equal(0, r[15, 10]);
        Assert.Equal(0, r[19, 10]);
    }

    [Fact]
    public void Resize_squish_keeps_all_columns()
    {
        // Squishing 40 columns into 20: the left edge stays near column 0 and the right near column 39.
        var r = new Resize(10, 20, ResizeMethod.Squish).Apply(Columns(40, 10), Valid);
        Assert.InRange((int)r[0, 0], 0, 1);
        Assert.InRange((int)r[0, 19], 38, 39);
    }

    [Fact]
    public void CenterCrop_takes_exact_pixels_and_pads_when_larger()
    {
        var c = new CenterCrop(4, 6).Apply(Columns(10, 8), Valid);
        Assert.Equal((6, 4), (c.Width, c.Height));
        Assert.Equal(2, c[0, 0]);
        Assert.Equal(7, c[3, 5]);

        var padded = new CenterCrop(6).Apply(Constant(2, 2, 200, 1), Valid);
        Assert.Equal(0, padded[0, 0]);
        Assert.Equal(200, padded[2, 2]);
        Assert.Equal(200, padded[3, 3]);
        Assert.Equal(0, padded[5, 5]);
    }

    [Fact]
    public void RandomResizedCrop_gives_the_size_and_varies_on_train_only()
    {
        var image = new Image(TestImages.Random(60, 40, 3, 4), 60, 40, 3);
        var t = new RandomResizedCrop(24);
        var trainOutputs = Enumerable.Range(0, 5).Select(s => t.Apply(image, Train(s))).ToList();
        Assert.All(trainOutputs, o => Assert.Equal((24, 24, 3), (o.Width, o.Height, o.Channels)));
        Assert.True(trainOutputs.Select(o => Convert.ToHexString(o.Pixels)).Distinct().Count() > 1);

        var v1 = t.Apply(image, Valid);
        var v2 = t.Apply(image, new ItemContext(false, new Random(123)));
        Assert.Equal((24, 24), (v1.Width, v1.Height));
        Assert.Equal(v1.Pixels, v2.Pixels);
    }

    [Fact]
    public void RandomResizedCrop_same_seed_same_crop()
    {
        var image = new Image(TestImages.Random(60, 40, 3, 4), 60, 40, 3);
        var t = new RandomResizedCrop(16, minScale: 0.3);
        Assert.Equal(t.Apply(image, Train(5)).Pixels, t.Apply(image, Train(5)).Pixels);
    }

    [Fact]
    public void RandomResizedCrop_on_valid_squishes_with_extra_then_centre_crops()
    {
        // size 16: extra = ceil(16 * 0.14 / 8) * 8 = 8, so the image becomes 24x24 and the centre 16x16 is kept:
        // the columns image's middle output column comes from the middle of the input.
        var r = new RandomResizedCrop(16).Apply(Columns(48, 48), Valid);
        Assert.Equal((16, 16), (r.Width, r.Height));
        // Output column 0 is squished column 4 of 24, i.e. input columns ~8..9.
        Assert.InRange((int)r[0, 0], 8, 9);
        Assert.InRange((int)r[0, 15], 38, 39);
    }
}
