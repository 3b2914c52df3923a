using TorchSharp;

namespace NotebookDL.Engine;

/// <summary>
/// libtorch's intra-op threads that do not fight other processes for the cores.
/// </summary>
/// <remarks>
/// TorchSharp's libtorch (2.10) runs its parallel regions on libgomp and MKL, whose worker threads spin-wait for the
/// next region. When another process holds a core, a region waits for a worker the scheduler has not given a core
/// yet: measured in our kernel on 2 cores with one kept busy (tests/Benchmarks/thread_policy.py, 2026-12-07), the
/// TorchSharp tutorial's tiny MLP (1,000 forward+backward steps) took 22.9 s at 2 threads against 0.09 s at 1 thread,
/// and a small CNN's 20 steps 8.0 s against 0.84 s. No fixed setting is right both ways: idle, 2 threads ran the CNN
/// in 0.33 s (1 thread: 0.53 s); OMP_WAIT_POLICY=PASSIVE cured the load case but made the idle MLP 2.5x slower.
/// So the policy is adaptive: on the thread that runs the work, at most every <see cref="Interval"/>, it sets the
/// thread count to the cores other processes leave free (Linux: from /proc/stat minus this process's own CPU time),
/// or to one thread where timing the workload's first steps found one faster (<see cref="ThreadTuner"/>).
/// A load that starts between two looks costs at most about two intervals of slow steps. Bounding libgomp's spin
/// instead (GOMP_SPINCOUNT=10,000) cut the loaded MLP only to 1.9 s and made the idle CNN 10-50 % slower; calling
/// set_num_threads when nothing changes is avoided too (it turns MKL's dynamic thread count off). A user's own <c>torch.set_num_threads</c> (through
/// <see cref="NativeGuards.set_num_threads"/>, which notebook hosts route cells to) or <see cref="Fix"/> turns
/// adaptation off. Nothing happens until a host opts in with <see cref="ProcessSetup.Apply"/>.
/// </remarks>
public static class ThreadPolicy
{
    /// <summary>How often the policy looks at the machine's load (a look costs about 20 us, off the compute thread).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private static volatile bool enabled;
    private static volatile int fixedThreads;
    private static volatile int wanted;
    // OpenMP's thread count is per calling thread. Set only when it must change: libtorch's set_num_threads also turns
    // MKL's dynamic thread count off, which made the idle CNN steps slower (0.31-0.40 s -> 0.41-0.49 s at 2 threads).
    [ThreadStatic] private static int applied;
    private static Timer? sampler;
    private static (long Busy, long Total, long Own)? lastSample;
    private static readonly object Gate = new();

    /// <summary>Whether <see cref="Adjust"/> changes the thread count (after <see cref="Enable"/>, until <see cref="Fix"/>).</summary>
    public static bool IsAdaptive => enabled && fixedThreads == 0;

    private static int adjustments;

    /// <summary>How many times <see cref="Adjust"/> changed a thread's count (what the policy did, for tests and logs).</summary>
    public static int Adjustments => adjustments;

    /// <summary>Raised (on the sampler's thread) when <see cref="WantedThreads"/> changes: a host whose loops cannot
    /// afford even a few field reads per iteration (our kernel's cell loops) calls <see cref="Adjust"/> only then.</summary>
    public static event Action? WantedChanged;

    private static long residentBytes;

    /// <summary>This process's resident memory at the sampler's last look (0 before it), read with the load from the
    /// same /proc file.</summary>
    public static long ResidentBytes => Volatile.Read(ref residentBytes);

    /// <summary>Raised (on the sampler's thread) after every sample, with <see cref="ResidentBytes"/> updated: our kernel
    /// watches it to collect tensors a cell dropped without disposing (see the kernel's MemoryGuard).</summary>
    public static event Action? Sampled;

    /// <summary>The thread count the policy wants now (0 until its first look at the machine).</summary>
    public static int WantedThreads => wanted;

    /// <summary>Turns adaptation on (the hosts do, through <see cref="ProcessSetup.Apply"/>): a timer samples the
    /// machine's load every <see cref="Interval"/>; <see cref="Adjust"/> applies it.</summary>
    public static void Enable()
    {
        if (!OperatingSystem.IsLinux()) return; // the load is read from /proc
        lock (Gate)
        {
            if (enabled) return;
            enabled = true;
            NotebookDL.Display.Magics.TorchMagics.ThreadsChosen += Fix;
            sampler = new Timer(_ =>
            {
                var free = FreeCores();
                Sampled?.Invoke();
                if (free is not { } n || n == wanted) return;
                wanted = n;
                WantedChanged?.Invoke();
            }, null, TimeSpan.Zero, Interval);
        }
    }

    /// <summary>Turns adaptation off again (threads keep the count they have).</summary>
    public static void Disable()
    {
        lock (Gate)
        {
            enabled = false;
            sampler?.Dispose();
            sampler = null;
            lastSample = null;
            wanted = 0;
            NotebookDL.Display.Magics.TorchMagics.ThreadsChosen -= Fix;
        }
    }

    [ThreadStatic] private static ThreadTuner? Tuner;
    private static volatile int generation;

    /// <summary>A new workload starts (a fit, a notebook cell): its steps are timed afresh to choose between the free
    /// cores and one thread (<see cref="ThreadTuner"/>).</summary>
    public static void Retune() => generation++;

    /// <summary>Fixes the thread count (a user's choice): adaptation stops.</summary>
    public static void Fix(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "The thread count must be positive.");
        fixedThreads = threads;
    }

    /// <summary>
    /// Call on the thread that runs tensor work, once per step: applies the thread count the sampler wants when it
    /// changed (a few field reads otherwise). With <paramref name="timeSteps"/>, the calls also time the steps to choose
    /// between the free cores and one thread (<see cref="ThreadTuner"/>): the Learner does, once per batch. Our kernel
    /// calls it without, from every loop iteration of a cell, where iterations of nested loops are not steps of one
    /// workload and timing them would choose on noise.
    /// </summary>
    public static void Adjust(bool timeSteps = false)
    {
        if (!enabled || fixedThreads != 0) return;
        var free = wanted;
        if (free == 0) return;
        var n = free;
        var tuner = Tuner;
        if (timeSteps)
        {
            tuner ??= Tuner = new ThreadTuner();
            if (tuner.Generation != generation) tuner.Reset(generation);
            n = tuner.Next(free);
        }
        else if (tuner is not null && tuner.Generation == generation)
        {
            n = tuner.Choice(free); // inside a timed workload (a callback's loop during a fit): keep its choice
        }
        if (applied == 0)
        {
            // A kernel cell's plain C# loop must not load libtorch's natives (seconds, hundreds of MB) just to set a
            // thread count nothing will use: that happened whenever the machine's load changed during such a loop.
            if (!LibTorchLoaded()) return;
            applied = torch.get_num_threads(); // this thread's count, once
        }
        if (n == applied) return;
        NativeGuards.ApplyThreads(n);
        applied = n;
        Interlocked.Increment(ref adjustments);
    }

    private static volatile bool libTorchSeen;

    /// <summary>Whether libtorch is mapped into the process (the policy is adaptive on Linux only, where /proc tells).</summary>
    private static bool LibTorchLoaded()
    {
        if (libTorchSeen) return true;
        try
        {
            return libTorchSeen = File.ReadLines("/proc/self/maps").Any(line => line.Contains("libtorch_cpu", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Cores not used by other processes since the last sample (at least 1), or null when unknown.</summary>
    private static int? FreeCores()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var sample = Sample();
        if (sample is null) return null;
        lock (Gate)
        {
            var previous = lastSample;
            lastSample = sample;
            if (previous is not { } p) return null;
            var total = sample.Value.Total - p.Total;
            if (total <= 0) return null;
            var cores = Environment.ProcessorCount;
            // Busy time of the whole machine minus our own, in cores.
            var others = Math.Max(0, (sample.Value.Busy - p.Busy) - (sample.Value.Own - p.Own)) * (double)cores / total;
            // A core counts as taken when another process used most of it (a passing daemon does not).
            var taken = (int)Math.Floor(others + 0.3);
            return Math.Clamp(cores - taken, 1, cores);
        }
    }

    // Jiffies: every CPU's busy and total time (/proc/stat), and this process's user + system time (/proc/self/stat).
    // Allocation-free on purpose: a GC started from this timer thread can run while the training thread is inside a
    // native call holding a TorchSharp Scalar that nothing else references (an implicit double -> Scalar argument),
    // and the Scalar's finalizer then frees it under libtorch's feet (seen: "toFloat ... Expected false to be true"
    // in a collaborative-filtering fit while the first version of this sampler built strings every 200 ms).
    private static Microsoft.Win32.SafeHandles.SafeFileHandle? statFile, selfFile;
    private static readonly byte[] Buffer = new byte[4096];
    private static readonly long[] Numbers = new long[24];

    private static (long Busy, long Total, long Own)? Sample()
    {
        try
        {
            statFile ??= File.OpenHandle("/proc/stat");
            selfFile ??= File.OpenHandle("/proc/self/stat");
            // procfs renders the file anew on every read from offset 0.
            var n = RandomAccess.Read(statFile, Buffer, 0);
            var line = Buffer.AsSpan(0, n);
            line = line[..Math.Max(0, line.IndexOf((byte)'\n'))];
            if (ReadNumbers(line[3..], 8) < 8) return null; // after "cpu": user nice system idle iowait irq softirq steal
            long total = 0;
            for (var i = 0; i < 8; i++) total += Numbers[i];
            var busy = total - Numbers[3] - Numbers[4];
            n = RandomAccess.Read(selfFile, Buffer, 0);
            var self = Buffer.AsSpan(0, n);
            var afterName = self[(self.LastIndexOf((byte)')') + 2)..];
            if (ReadNumbers(afterName, 22) < 22) return null; // fields 3..24 of stat: utime, stime are 14, 15; rss (pages) 24
            Volatile.Write(ref residentBytes, Numbers[21] * Environment.SystemPageSize);
            return (busy, total, Numbers[11] + Numbers[12]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // Space-separated fields as numbers into Numbers (a non-numeric field, such as the process state, reads as 0).
    private static int ReadNumbers(ReadOnlySpan<byte> text, int count)
    {
        var found = 0;
        var i = 0;
        while (found < count && i < text.Length)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i == text.Length) break;
            long value = 0;
            while (i < text.Length && text[i] != ' ')
            {
                var d = text[i++] - '0';
                value = d is >= 0 and <= 9 ? value * 10 + d : 0;
            }
            Numbers[found++] = value;
        }
        return found;
    }
}
