using System.Diagnostics;

namespace NotebookDL.Torch.Tests.Serialization;

/// <summary>
/// Runs a Python snippet with Debian's /usr/bin/python3 (the one with torch 1.13; the PATH python3 lacks it) and
/// fails the test with Python's stderr when it exits non-zero.
/// </summary>
internal static class PythonScript
{
    public const string Python = "/usr/bin/python3";

    public static string Run(string script, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nbdl_{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(file);
            foreach (var a in args) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python exited with {process.ExitCode}:\n{stderr}\n{stdout.Result}");
            return stdout.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A fresh temporary directory, deleted by the returned handle.</summary>
    public static TempDir TempDirectory() => new();

    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nbdl_{Guid.NewGuid():N}");

        public TempDir() => Directory.CreateDirectory(Path);

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
