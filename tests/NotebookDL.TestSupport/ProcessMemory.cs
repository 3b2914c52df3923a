namespace NotebookDL.TestSupport;

/// <summary>The whole process's resident memory, native allocations included (what a leak test must watch).</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS from /proc/self/status, in bytes.</summary>
    public static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>
    /// The growth per step of a series of RSS samples taken once per step, judged by its trend rather than by two
    /// readings: the Theil-Sen slope (the median of the slopes between every pair of samples). A leak grows every step
    /// and moves every pair; the allocator's one-off growth (an arena or a pool reaching its size, seen at +15 MB on a
    /// busy machine) moves only the pairs that straddle it and barely shifts the median.
    /// </summary>
    public static double GrowthPerStep(IReadOnlyList<long> samples)
    {
        if (samples.Count < 3) throw new ArgumentException("A trend needs at least three samples.", nameof(samples));
        var slopes = new List<double>();
        for (var i = 0; i < samples.Count; i++)
            for (var j = i + 1; j < samples.Count; j++)
                slopes.Add((double)(samples[j] - samples[i]) / (j - i));
        slopes.Sort();
        var mid = slopes.Count / 2;
        return slopes.Count % 2 == 1 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
    }
}
