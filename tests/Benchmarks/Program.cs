using System.Diagnostics;
using System.Globalization;
using NotebookDL.Benchmarks;

// Runs every workload in C# and in /usr/bin/python3 (Debian's torch) in one session, alternating the two so that
// machine noise hits both, and prints the ratio Python time / NotebookDL time.
// Usage: dotnet run -c Release --project tests/Benchmarks [-- --threads adaptive,1,2] [--load idle,busy] [--only a,b]
// Threads: "adaptive" is NotebookDL's default (ThreadPolicy: the cores other processes leave free, adjusted every
// iteration as a training loop does), a number fixes the count; PyTorch runs at 1 thread and at the core count, and
// the ratio is taken against its best. Load "busy" keeps one core busy with another process during both sides' runs.
// Default: adaptive and 1 thread, idle.
// As the kernel and the extension do before any tensor is allocated (Python's side keeps glibc's defaults).
NotebookDL.Engine.ProcessSetup.Apply();
if (args is ["service-load", ..])
{
    ServiceLoad.Run();
    return;
}
var threadSettings = args.SkipWhile(a => a != "--threads").Skip(1).FirstOrDefault()?.Split(',') ?? ["adaptive", "1"];
var loads = args.SkipWhile(a => a != "--load").Skip(1).FirstOrDefault()?.Split(',') ?? ["idle"];
// --only a,b runs a subset (e.g. the short workloads while iterating on the optimizer).
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',').ToHashSet();
var workloads = Workloads.All.Where(w => only is null || only.Contains(w.Name)).ToArray();
var script = Path.Combine(AppContext.BaseDirectory, "bench_torch.py");
Console.WriteLine($"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (libtorch {__version__}), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"{"load",-5} {"workload",-17} {"threads",8} {"NotebookDL",12} {"PyTorch 1t",12} {$"PyTorch {Environment.ProcessorCount}t",12} {"py best/nbdl",13} {"items/s nbdl",13} {"RSS MB warm/end",16}");
// Settings outside, loads inside: fixing a thread count ends the adaptive policy for the rest of the process.
var python = new Dictionary<(string Load, int Threads), Dictionary<string, double>>();
foreach (var setting in threadSettings)
{
    if (setting != "adaptive") NotebookDL.Engine.NativeGuards.set_num_threads(int.Parse(setting, CultureInfo.InvariantCulture));
    foreach (var load in loads)
    {
        using var competitor = load == "busy" ? Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"])) : null;
        Thread.Sleep(500); // the policy's sampler sees the load before the first step, as it would a long-running one
        foreach (var t in new[] { 1, Environment.ProcessorCount })
            if (!python.ContainsKey((load, t))) python[(load, t)] = RunPython(script, t, workloads.Select(w => w.Name));
        foreach (var (name, make, iterations, repeats, items) in workloads)
        {
            var (ours, rssWarm) = Timed(make(), iterations, repeats);
            var rssEnd = RssMb();
            double one = python[(load, 1)][name], all = python[(load, Environment.ProcessorCount)][name];
            var rate = items > 0 ? $"{items / ours,13:F0}" : $"{"",13}";
            Console.WriteLine($"{load,-5} {name,-17} {setting,8} {Format(ours),12} {Format(one),12} {Format(all),12} {Math.Min(one, all) / ours,13:F2} {rate} {rssWarm,7:F0}/{rssEnd,-8:F0}");
        }
        competitor?.Kill();
    }
}
Console.WriteLine($"load average at the end: {LoadAverage()}");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static double RssMb()
{
    using var self = Process.GetCurrentProcess();
    return self.WorkingSet64 / 1e6;
}

// Median seconds per iteration, and the process RSS after the warm-up (to compare with the RSS at the end).
static (double Seconds, double RssAfterWarmUp) Timed(Action step, int iterations, int repeats = 5)
{
    NotebookDL.Engine.ThreadPolicy.Retune(); // each workload is timed afresh by the policy, as each fit is
    // A single whole-epoch iteration warms itself up when it is made (a warm-up call would cost another epoch).
    if (iterations * repeats > 1) step();
    var rss = RssMb();
    var samples = new List<double>();
    for (var r = 0; r < repeats; r++)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            NotebookDL.Engine.ThreadPolicy.Adjust(timeSteps: true); // what the Learner does every batch (a no-op once threads are fixed)
            step();
        }
        samples.Add(watch.Elapsed.TotalSeconds / iterations);
    }
    samples.Sort();
    return (samples[samples.Count / 2], rss);
}

static Dictionary<string, double> RunPython(string script, int threads, IEnumerable<string> names)
{
    var start = new ProcessStartInfo("/usr/bin/python3", [script, threads.ToString(CultureInfo.InvariantCulture), string.Join(',', names)])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    // The folder workload reads the PNG tree NotebookDL writes; Python is told where it is.
    if (names.Contains("load_folder")) start.Environment["NBDL_FMNIST_FOLDER"] = VisionWorkloads.Folder.Value;
    // The tabular workloads read the same CSV and the same encoded training rows as the C# side.
    if (names.Contains("csv_oj")) start.Environment["NBDL_OJ_CSV"] = TabularWorkloads.Csvs.Value.Sales;
    if (names.Contains("csv_wide")) start.Environment["NBDL_WIDE_CSV"] = TabularWorkloads.WideCsv.Value;
    if (names.Any(n => n.StartsWith("tab_epoch", StringComparison.Ordinal))) start.Environment["NBDL_TAB_DATA"] = TabularWorkloads.Data.Value.Folder;
    if (names.Any(n => n.StartsWith("collab_epoch", StringComparison.Ordinal))) start.Environment["NBDL_COLLAB_DATA"] = CollabWorkloads.Data.Value.Folder;
    if (names.Contains("tokenize_reviews")) start.Environment["NBDL_REVIEWS_CSV"] = TextWorkloads.ReviewsCsv.Value;
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"bench_torch.py failed: {error}");
    return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t'))
        .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
}

static string Format(double seconds) => seconds switch
{
    < 1e-3 => $"{seconds * 1e6:F2} us",
    < 10 => $"{seconds * 1e3:F2} ms",
    _ => $"{seconds:F2} s",
};
