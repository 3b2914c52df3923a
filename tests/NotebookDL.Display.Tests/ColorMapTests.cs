using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Tests;

public class ColorMapTests
{
    private static double Luminance((byte r, byte g, byte b) c) => 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;

    [Fact]
    public void Tables_have_256_entries()
    {
        Assert.Equal(256, ColorMap.Viridis.Table.Count);
        Assert.Equal(256, ColorMap.Magma.Table.Count);
        Assert.Equal(256, ColorMap.Gray.Table.Count);
    }

    [Fact]
    public void Endpoints_match_matplotlib()
    {
        // matplotlib's viridis starts at (0.267004, 0.004874, 0.329415) and ends at (0.993248, 0.906157, 0.143936).
        Assert.Equal(((byte)68, (byte)1, (byte)84), ColorMap.Viridis.Map(0));
        Assert.Equal(((byte)253, (byte)231, (byte)37), ColorMap.Viridis.Map(1));
        // magma starts at (0.001462, 0.000466, 0.013866) and ends at (0.987053, 0.991438, 0.749504).
        Assert.Equal(((byte)0, (byte)0, (byte)4), ColorMap.Magma.Map(0));
        Assert.Equal(((byte)252, (byte)253, (byte)191), ColorMap.Magma.Map(1));
    }

    [Fact]
    public void Viridis_midpoint_is_close_to_matplotlib()
    {
        // matplotlib viridis(0.5) = (0.127568, 0.566949, 0.550556) ~ (33, 145, 140).
        var (r, g, b) = ColorMap.Viridis.Map(0.5);
        Assert.InRange(r, 30, 36);
        Assert.InRange(g, 142, 148);
        Assert.InRange(b, 137, 143);
    }

    [Theory]
    [InlineData("viridis")]
    [InlineData("magma")]
    [InlineData("gray")]
    public void Lightness_increases_along_the_map(string name)
    {
        var map = name switch { "viridis" => ColorMap.Viridis, "magma" => ColorMap.Magma, _ => ColorMap.Gray };
        for (var i = 1; i < 256; i++)
        {
            Assert.True(Luminance(map.Table[i]) >= Luminance(map.Table[i - 1]) - 0.5, $"{name} darkens at entry {i}");
        }
    }

    [Fact]
    public void Out_of_range_and_nan_are_clamped()
    {
        Assert.Equal(ColorMap.Gray.Map(0), ColorMap.Gray.Map(-3));
        Assert.Equal(ColorMap.Gray.Map(1), ColorMap.Gray.Map(7));
        Assert.Equal(ColorMap.Gray.Map(0), ColorMap.Gray.Map(double.NaN));
        Assert.Equal("#808080", ColorMap.Gray.Hex(128 / 255.0));
    }
}
