namespace NotebookDL.Kernel;

/// <summary>
/// The kernel's diagnostic log. It goes to a file (never to iopub, which the user sees, and never to stdout,
/// which a front end may capture) or to stderr when the file cannot be opened.
/// </summary>
public static class KernelLog
{
    private static readonly object Gate = new();
    private static TextWriter? writer;

    /// <summary>Where the log is written: $XDG_CACHE_HOME/notebookdl/kernel.log or ~/.cache/notebookdl/kernel.log.</summary>
    public static string DefaultPath
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "notebookdl", "kernel.log");
        }
    }

    /// <summary>Opens the log file (appending); falls back to stderr.</summary>
    public static void Open(string? path = null)
    {
        lock (Gate)
        {
            try
            {
                path ??= DefaultPath;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                writer = Console.Error;
                writer.WriteLine($"notebookdl kernel: cannot open log {path} ({ex.Message}); logging to stderr");
            }
        }
    }

    public static void Info(string message) => Write("INFO", message);
    public static void Warn(string message) => Write("WARN", message);
    public static void Error(string message, Exception? ex = null) => Write("ERROR", ex is null ? message : $"{message}: {ex}");

    private static void Write(string level, string message)
    {
        lock (Gate)
        {
            try { (writer ?? Console.Error).WriteLine($"{DateTime.UtcNow:O} [{Environment.ProcessId}] {level} {message}"); }
            catch (Exception) { /* logging must never take the kernel down */ }
        }
    }
}
