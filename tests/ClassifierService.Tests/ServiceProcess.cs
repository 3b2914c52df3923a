using System.Diagnostics;

namespace ClassifierService.Tests;

/// <summary>The built service as a child process on a free loopback port, stopped (killed with its tree) on Dispose.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;

    public ServiceProcess(string modelPath)
    {
        var dll = RepoFiles.Find("samples/ClassifierService/bin/Release/net10.0/ClassifierService.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--model", modelPath, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        var listening = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
                if (line.StartsWith("listening on ", StringComparison.Ordinal)) return line["listening on ".Length..].Split(' ')[0];
            return null;
        });
        if (!listening.Wait(TimeSpan.FromMinutes(2)) || listening.Result is null)
        {
            Dispose();
            lock (errors) throw new InvalidOperationException($"The service did not start: {errors}");
        }
        BaseAddress = new Uri(listening.Result + "/");
        // Keep draining stdout so the child never blocks on a full pipe.
        _ = Task.Run(() => { while (process.StandardOutput.ReadLine() is not null) { } });
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
