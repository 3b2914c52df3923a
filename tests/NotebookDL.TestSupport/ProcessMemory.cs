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
}
