using System.Diagnostics;
using System.Globalization;
using NotebookDL.Benchmarks;
using static NotebookDL.Torch.torch;

// Runs every workload in C# and in /usr/bin/python3 (Debian's torch, the same libtorch) in one session,
// alternating the two so that machine noise hits both, and prints the ratio Python time / NotebookDL time.
// Usage: dotnet run -c Release --project tests/Benchmarks [-- --threads 1,2]
var threadCounts = args.SkipWhile(a => a != "--threads").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [1, 2];
var script = Path.Combine(AppContext.BaseDirectory, "bench_torch.py");
Console.WriteLine($"libtorch {__version__}, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"workload",-12} {"threads",7} {"NotebookDL",14} {"PyTorch",14} {"ratio py/nbdl",14}");
foreach (var threads in threadCounts)
{
    set_num_threads(threads);
    var python = RunPython(script, threads);
    foreach (var (name, make, iterations) in Workloads.All)
    {
        var ours = Timed(make(), iterations);
        var theirs = python[name];
        Console.WriteLine($"{name,-12} {threads,7} {Format(ours),14} {Format(theirs),14} {theirs / ours,14:F2}");
    }
}

static double Timed(Action step, int iterations, int repeats = 5)
{
    step();
    var samples = new List<double>();
    for (var r = 0; r < repeats; r++)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) step();
        samples.Add(watch.Elapsed.TotalSeconds / iterations);
    }
    samples.Sort();
    return samples[samples.Count / 2];
}

static Dictionary<string, double> RunPython(string script, int threads)
{
    var start = new ProcessStartInfo("/usr/bin/python3", [script, threads.ToString(CultureInfo.InvariantCulture)])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
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
    _ => $"{seconds * 1e3:F2} ms",
};
