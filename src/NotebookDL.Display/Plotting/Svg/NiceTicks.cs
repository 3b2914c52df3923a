namespace NotebookDL.Display.Plotting.Svg;

/// <summary>
/// Chooses tick values people read easily: steps of 1, 2 or 5 times a power of ten on linear axes, and powers
/// of ten on log axes (adding 2x and 5x when the range spans less than a decade or two).
/// </summary>
public static class NiceTicks
{
    /// <summary>Ticks inside [<paramref name="min"/>, <paramref name="max"/>], about <paramref name="target"/> of them.</summary>
    public static IReadOnlyList<double> Linear(double min, double max, int target = 6)
    {
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max)) return double.IsFinite(min) ? [min] : [];
        var step = NiceStep((max - min) / Math.Max(1, target));
        var ticks = new List<double>();
        var first = Math.Ceiling(min / step - 1e-9);
        for (var k = first; k * step <= max + step * 1e-9; k++)
        {
            // Multiplying an integer count by the step avoids the drift of repeated addition (0.30000000000000004).
            var value = Math.Round(k * step, 12);
            ticks.Add(value == 0 ? 0 : value);
        }
        return ticks;
    }

    /// <summary>Ticks for a log axis over positive [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IReadOnlyList<double> Log(double min, double max)
    {
        if (!(min > 0) || !(max > min)) return min > 0 ? [min] : [];
        var low = (int)Math.Floor(Math.Log10(min));
        var high = (int)Math.Ceiling(Math.Log10(max));
        var decades = Enumerable.Range(low, high - low + 1).Select(e => Math.Pow(10, e)).Where(v => InRange(v, min, max)).ToList();
        if (decades.Count > 10)
        {
            // Too crowded: keep every n-th power so labels do not overlap.
            var every = (int)Math.Ceiling(decades.Count / 8.0);
            return decades.Where((_, i) => i % every == 0).ToList();
        }
        if (decades.Count >= 3) return decades;

        var withMultiples = Enumerable.Range(low, high - low + 1)
            .SelectMany(e => new[] { 1.0, 2.0, 5.0 }.Select(m => m * Math.Pow(10, e)))
            .Where(v => InRange(v, min, max))
            .ToList();
        return withMultiples.Count >= 2 ? withMultiples : Linear(min, max);
    }

    /// <summary>1, 2 or 5 times a power of ten, closest above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    // Tolerates rounding in Math.Pow so that 1e-7 counts as inside [1e-7, 10].
    private static bool InRange(double value, double min, double max) => value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9);
}
