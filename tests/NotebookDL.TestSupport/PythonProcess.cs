using System.Diagnostics;

namespace NotebookDL.TestSupport;

/// <summary>
/// Runs Debian's <c>/usr/bin/python3</c> — the interpreter with torch, torchvision and PIL; the python3 on PATH
/// has none of them — to produce reference values for tests.
/// </summary>
public static class PythonProcess
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>How long one script may run before it is killed and the call throws.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Exit code and captured output of one run.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <paramref name="script"/> (Python source) with <paramref name="args"/>; returns stdout, throws with stderr on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nbdl-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            return RunFile(file, args);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs the script at <paramref name="path"/> with <paramref name="args"/>; returns stdout, throws with stderr on a non-zero exit.</summary>
    public static string RunFile(string path, params string[] args)
    {
        var outcome = Execute(path, args);
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Executable} {Path.GetFileName(path)} {string.Join(' ', args)} exited with {outcome.ExitCode}:\n{outcome.Stderr}\n{outcome.Stdout}");
        return outcome.Stdout;
    }

    /// <summary>Runs the script at <paramref name="path"/> and returns its exit code and output without judging them (for tests of failures).</summary>
    public static Outcome Execute(string path, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Executable} {path} did not finish within {Timeout.TotalMinutes} minutes.");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
