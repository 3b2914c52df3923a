using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace NotebookDL.Interactive;

/// <summary>
/// TorchSharp's native library on a libstdc++ older than GCC 13's (Debian 12, Ubuntu 22.04), for the .NET Interactive
/// host. NotebookDL's own builds mark libLibTorchSharp.so's one GLIBCXX_3.4.32 requirement weak in their output (see
/// the README, "Older Linux"), but this host loads TorchSharp straight from the NuGet cache, which we never write.
/// So, only where the system libstdc++ lacks that version: libtorch is loaded from its package, a copy of
/// libLibTorchSharp.so with the requirement weak is written to the user's cache directory and loaded, and TorchSharp's
/// imports of "LibTorchSharp" are pointed at it. Must run before anything initialises TorchSharp.
/// </summary>
internal static class OlderLibStdCxx
{
    private const string LibTorchSharp = "LibTorchSharp";
    private static int applied;

    /// <summary>
    /// Does the above if this system needs it (once per process: an assembly takes one import resolver); returns what
    /// was done, or null when nothing was needed.
    /// </summary>
    public static string? Apply()
    {
        if (Interlocked.Exchange(ref applied, 1) == 1) return null;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        var libstdcxx = GlibcxxRequirement.SystemLibStdCxx();
        if (libstdcxx is null || !GlibcxxRequirement.Lacks(libstdcxx)) return null;

        var torchSharp = typeof(torch).Assembly;
        // <packages>/torchsharp/<version>/lib/<tfm>/TorchSharp.dll in the NuGet cache; anywhere else (an app's output)
        // the build has already placed a loadable copy next to it.
        var home = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(torchSharp.Location)!, "..", ".."));
        var original = Path.Combine(home, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var libtorch = LibTorchDirectory(Path.GetDirectoryName(Path.GetDirectoryName(home))!);
        if (!File.Exists(original) || libtorch is null) return null;

        // libtorch first, by full path, so that the copy's DT_NEEDED entries (libtorch.so, libtorch_cpu.so, libc10.so)
        // resolve to the already loaded libraries by soname.
        NativeLibrary.Load(Path.Combine(libtorch, "libtorch.so"));
        var copy = WeakenedCopy(original, Path.GetFileName(home));
        var handle = NativeLibrary.Load(copy);
        NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == LibTorchSharp ? handle : IntPtr.Zero);
        return $"{libstdcxx} lacks {GlibcxxRequirement.Version}: TorchSharp uses {copy}, a copy of its native library with that requirement weak.";
    }

    /// <summary>The CPU libtorch package's native folder for this TorchSharp (the newest version present).</summary>
    private static string? LibTorchDirectory(string packages) =>
        Directory.Exists(Path.Combine(packages, "libtorch-cpu-linux-x64"))
            ? Directory.GetDirectories(Path.Combine(packages, "libtorch-cpu-linux-x64"))
                .Select(v => Path.Combine(v, "runtimes", "linux-x64", "native"))
                .Where(d => File.Exists(Path.Combine(d, "libtorch.so")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static string WeakenedCopy(string original, string torchSharpVersion)
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var dir = Directory.CreateDirectory(Path.Combine(cache, "notebookdl", "torchsharp-" + torchSharpVersion)).FullName;
        var copy = Path.Combine(dir, "libLibTorchSharp.so");
        if (File.Exists(copy)) return copy;
        var bytes = File.ReadAllBytes(original);
        var temp = copy + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, GlibcxxRequirement.Weakened(bytes) ?? bytes);
        File.Move(temp, copy, overwrite: true);   // atomic: two kernels starting at once both end with a whole file
        return copy;
    }
}
