using NotebookDL.Engine;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Frees the tensors a cell dropped without disposing. PyTorch frees a tensor when its last reference goes; TorchSharp
/// frees it when disposed or when .NET's garbage collector finalizes it, and a loop over large tensors allocates too
/// little managed memory to start a collection. Measured: a cell computing ResNet-18 features in a loop with no dispose
/// scope grew the kernel process to 24 GB until Linux's out-of-memory killer ended it, with every variable.
/// When the process's resident memory has grown by <see cref="Threshold"/> since the last collection (read by the
/// thread policy's sampler every 200 ms), the cell's next loop check collects and runs the finalizers, on the cell's
/// own thread between two statements.
/// </summary>
internal static class MemoryGuard
{
    private static long baseline;   // resident bytes after the last collection; 0: take the next sample
    private static volatile bool pending;

    /// <summary>Growth that triggers a collection: 1 GiB, or an eighth of the memory .NET may use if that is less.</summary>
    public static long Threshold { get; } = Math.Min(1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8);

    /// <summary>Whether a collection is due (read by every loop check of a cell).</summary>
    public static bool Pending => pending;

    /// <summary>Watches the sampler (which runs when the thread policy is on; with NBDL_THREAD_POLICY=fixed nothing is watched).</summary>
    public static void Start() => ThreadPolicy.Sampled += OnSample;

    // On the sampler's thread: allocation-free, like the sampler (see ThreadPolicy.Sample).
    private static void OnSample()
    {
        var resident = ThreadPolicy.ResidentBytes;
        if (resident == 0) return;
        var start = Interlocked.Read(ref baseline);
        if (start == 0) Interlocked.Exchange(ref baseline, resident);
        else if (resident - start > Threshold) pending = true;
    }

    /// <summary>Collects now: call on the cell's thread, where no native call of the cell is in flight.</summary>
    public static void Collect()
    {
        pending = false;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Interlocked.Exchange(ref baseline, 0);
    }
}
