using System.Runtime.InteropServices;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// A process started in the background by a non-interactive shell (a CI script's `cmd &amp;`, nohup jobs) inherits SIGINT
/// ignored, and .NET then never installs its own SIGINT handler: the kernel's PosixSignalRegistration is silently never
/// called and Jupyter's signal interrupt is lost (measured: the conformance suite's SIGINT test failed in every
/// `./build.sh test` started with `&amp;`, and under `trap '' INT`). ipykernel sets its SIGINT handler itself for the same
/// reason. So the kernel puts SIGINT back to its default disposition before registering, on Linux and macOS.
/// </summary>
internal static class InheritedSigint
{
    private const int SIGINT = 2;           // the same number on Linux and macOS
    private static readonly IntPtr SIG_DFL = IntPtr.Zero, SIG_IGN = 1;

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signum, IntPtr handler);

    /// <summary>Restores the default disposition if SIGINT was inherited ignored; true if it was.</summary>
    public static bool Restore()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return false;
        try
        {
            var previous = Signal(SIGINT, SIG_DFL);
            return previous == SIG_IGN;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
