using System.Runtime.InteropServices;

namespace NotebookDL.Engine;

/// <summary>
/// glibc malloc tuning for libtorch's allocation pattern. libtorch's CPU allocator mallocs every intermediate tensor
/// and the BLAS/oneDNN scratch buffers (tens of MB for a convolution) and frees them right after; with glibc's
/// defaults, blocks above the mmap threshold are mapped and unmapped each time and heap tops above the trim
/// threshold go back to the kernel, so the next step page-faults and zeroes the same memory again. Keeping freed
/// memory for reuse (bounded by the trim threshold above what is in use) measured, on TorchSharp 0.107 at 2 threads,
/// a 128x64x14x14 3x3 conv2d at 26.8 ms with the defaults and 19.3 ms tuned (tests/Benchmarks/README.md).
/// Applied once per process by <see cref="ProcessSetup.Apply"/> (the hosts call it; a console app or service should);
/// a no-op off glibc.
/// </summary>
public static class MallocTuning
{
    private const int M_TRIM_THRESHOLD = -1, M_TOP_PAD = -2, M_MMAP_THRESHOLD = -3;
    private static int _applied;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int param, int value);

    /// <summary>Sets the thresholds (first call only); false where there is no glibc to tune.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _applied, 1) == 1) return false;
        try
        {
            Mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);   // the largest value glibc accepts
            Mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
            Mallopt(M_TOP_PAD, 64 * 1024 * 1024);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;   // musl and other C libraries: nothing to tune
        }
    }
}
