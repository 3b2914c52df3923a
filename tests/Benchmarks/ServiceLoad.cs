using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using NotebookDL.Learning;
using NotebookDL.Vision;

namespace NotebookDL.Benchmarks;

/// <summary>
/// Lesson 2's service under load (issue 26): a Fashion-MNIST classifier exported and served by samples/ClassifierService
/// on loopback; 2,000 requests from 8 concurrent clients (throughput, p50/p99 latency, the service's RSS before and
/// after); one client's sequential latency against the model's own time per picture in this process (the overhead of
/// HTTP and JSON), and against PyTorch-Python classifying the same PNG files with the same weights.
/// Usage: dotnet run -c Release --project tests/Benchmarks -- service-load
/// </summary>
internal static class ServiceLoad
{
    private const int Requests = 2000, Clients = 8, Sequential = 200;

    public static void Run()
    {
        using var dir = new TempFolder();
        var (model, pictures) = ExportClassifier(dir.Path);
        var bytes = pictures.Select(File.ReadAllBytes).ToArray();

        var modelMs = InProcessMs(model, bytes);
        var pythonMs = PythonMs(model, pictures);

        using var service = StartService(model, out var baseAddress);
        using var client = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 20; i++) Post(client, bytes[i % bytes.Length]); // warm-up: JIT, allocator, libtorch threads
        var sequential = Enumerable.Range(0, Sequential).Select(i => Timed(() => Post(client, bytes[i % bytes.Length]))).Order().ToList();

        var rssBefore = RssMb(service.Id);
        var latencies = new double[Requests];
        var clock = Stopwatch.StartNew();
        // Async clients: blocking eight thread-pool threads on HTTP calls would starve the pool on two cores.
        Task.WaitAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var own = new HttpClient { BaseAddress = baseAddress };
            for (var i = c; i < Requests; i += Clients)
            {
                var start = Stopwatch.GetTimestamp();
                await PostAsync(own, bytes[i % bytes.Length]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })).ToArray());
        var wall = clock.Elapsed.TotalSeconds;
        var rssAfter = RssMb(service.Id);
        Array.Sort(latencies);

        var p50Sequential = sequential[sequential.Count / 2];
        Console.WriteLine($"model in this process: {modelMs:F2} ms per picture (decode + pipeline + forward, median of {bytes.Length * 2})");
        Console.WriteLine($"PyTorch-Python, same weights and pictures: {pythonMs:F2} ms per picture (PIL decode + forward, best of 1 and {Environment.ProcessorCount} threads)");
        Console.WriteLine($"one client, sequential: p50 {p50Sequential:F2} ms, p99 {sequential[(int)(sequential.Count * 0.99)]:F2} ms; overhead ratio (p50 / model) {p50Sequential / modelMs:F2}");
        Console.WriteLine($"{Requests} requests from {Clients} clients: {Requests / wall:F1} requests/s, p50 {latencies[Requests / 2]:F2} ms, p99 {latencies[(int)(Requests * 0.99)]:F2} ms");
        Console.WriteLine($"service RSS {rssBefore:F1} MB before, {rssAfter:F1} MB after ({rssAfter - rssBefore:+0.0;-0.0} MB)");
    }

    private static (string Model, List<string> Pictures) ExportClassifier(string dir)
    {
        torch.manual_seed(0);
        var (x, y) = Vision.Datasets.FashionMnist.Load();
        var (xt, yt) = Vision.Datasets.FashionMnist.Load(train: false);
        var dls = ImageDataLoaders.FromTensors(x[..2000], y[..2000], xt[..200], yt[..200], Vision.Datasets.FashionMnist.Classes, bs: 64, seed: 0);
        var model = Path.Combine(dir, "classifier.nbdl");
        using (var learn = Learners.VisionLearner(dls, Architectures.Models.ResNet18, progress: false))
        {
            learn.FitOneCycle(1, 3e-3);
            learn.Export(model);
        }
        var pictures = Enumerable.Range(0, 100).Select(i =>
        {
            var path = Path.Combine(dir, $"test-{i:000}.png");
            ImageIO.SavePng(xt[i].unsqueeze(-1), path);
            return path;
        }).ToList();
        return (model, pictures);
    }

    private static double InProcessMs(string model, byte[][] pictures)
    {
        using var learn = Learner.Load<VisionLearner>(model);
        for (var i = 0; i < 20; i++) learn.Predict(pictures[i % pictures.Length]);
        var times = new List<double>();
        for (var i = 0; i < pictures.Length * 2; i++) times.Add(Timed(() => learn.Predict(pictures[i % pictures.Length])));
        times.Sort();
        return times[times.Count / 2];
    }

    private static double PythonMs(string model, List<string> pictures)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "service_torch.py");
        var best = double.MaxValue;
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var start = new ProcessStartInfo("/usr/bin/python3", [script, model, Path.GetDirectoryName(pictures[0])!, threads.ToString(CultureInfo.InvariantCulture),
                Path.Combine(RepoRoot, "tests/NotebookDL.Tests/Architectures")])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"service_torch.py failed: {error}");
            best = Math.Min(best, double.Parse(output.Trim(), CultureInfo.InvariantCulture));
        }
        return best;
    }

    private static Process StartService(string model, out Uri baseAddress)
    {
        var dll = Path.Combine(RepoRoot, "samples/ClassifierService/bin/Release/net10.0/ClassifierService.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--model", model, "--urls", "http://127.0.0.1:0"]) { RedirectStandardOutput = true };
        var process = Process.Start(start)!;
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("listening on ", StringComparison.Ordinal)) { }
        if (line is null) throw new InvalidOperationException("the service did not start");
        baseAddress = new Uri(line["listening on ".Length..].Split(' ')[0] + "/");
        _ = Task.Run(() => { while (process.StandardOutput.ReadLine() is not null) { } });
        return process;
    }

    // tests/Benchmarks/bin/Release/net10.0 -> the repository.
    private static string RepoRoot => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static void Post(HttpClient client, byte[] picture) => PostAsync(client, picture).GetAwaiter().GetResult();

    private static async Task PostAsync(HttpClient client, byte[] picture)
    {
        using var content = new ByteArrayContent(picture);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await client.PostAsync("predict", content);
        response.EnsureSuccessStatusCode();
    }

    private static double Timed(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("nbdl-service-load-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
