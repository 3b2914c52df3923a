namespace NotebookDL.Tests.Learning.Memory;

/// <summary>The memory tests' trend judge tells a leak from a one-off step and from noise.</summary>
public sealed class GrowthTrendTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void A_leak_shows_its_rate_and_a_one_off_step_does_not_look_like_one()
    {
        var random = new Random(1);
        long Noise() => (long)((random.NextDouble() - 0.5) * 4 * MB); // +-2 MB
        var leak = Enumerable.Range(0, 12).Select(i => 500 * MB + i * 55 * MB / 10 + Noise()).ToList();
        var step = Enumerable.Range(0, 12).Select(i => 500 * MB + (i >= 6 ? 15 * MB : 0) + Noise()).ToList();
        var flat = Enumerable.Range(0, 12).Select(_ => 500 * MB + Noise()).ToList();
        Assert.InRange(ProcessMemory.GrowthPerStep(leak), 4.5 * MB, 6.5 * MB);
        Assert.True(ProcessMemory.GrowthPerStep(step) < 2 * MB, $"{ProcessMemory.GrowthPerStep(step) / MB:F2} MB/step");
        Assert.True(Math.Abs(ProcessMemory.GrowthPerStep(flat)) < 1 * MB);
    }
}
