namespace NotebookDL.Kernel.Server;

/// <summary>
/// Stops the kernel when the Jupyter process that launched it disappears (jupyter_client passes its pid in
/// JPY_PARENT_PID), so a crashed or killed notebook server does not leave orphan kernels holding memory.
/// </summary>
internal static class ParentWatcher
{
    /// <summary>Starts polling the parent every two seconds; does nothing when no parent pid was given.</summary>
    public static Timer? Start(Action onParentGone)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out int pid) || pid <= 1) return null;
        return new Timer(_ =>
        {
            // /proc/<pid> vanishes with the process; if the pid was reused we merely keep running, which is harmless.
            if (Directory.Exists($"/proc/{pid}")) return;
            KernelLog.Warn($"parent process {pid} is gone; shutting down");
            onParentGone();
        }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }
}
