using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests;

public class CodePointsTests
{
    private const string Text = "a😀b"; // the emoji is one code point but two UTF-16 units

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(99, 4)]
    public void Code_point_offsets_map_to_utf16_indexes(int codePoint, int utf16)
    {
        Assert.Equal(utf16, CodePoints.ToUtf16(Text, codePoint));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void Utf16_indexes_map_back_to_code_points(int utf16, int codePoint)
    {
        Assert.Equal(codePoint, CodePoints.FromUtf16(Text, utf16));
    }

    [Fact]
    public void Round_trip_is_identity_for_every_code_point()
    {
        const string mixed = "x = \"😀👍🏽é\"; y";
        int count = CodePoints.FromUtf16(mixed, mixed.Length);
        for (int cp = 0; cp <= count; cp++)
            Assert.Equal(cp, CodePoints.FromUtf16(mixed, CodePoints.ToUtf16(mixed, cp)));
    }
}
