using System.Reflection;
using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

/// <summary>
/// Finds libnotebookdl_native.so (next to this assembly, or in $NOTEBOOKDL_NATIVE_DIR) and turns a failed
/// load into an exception that says what to install, instead of a bare DllNotFoundException.
/// </summary>
internal static class NativeLibraryLoader
{
    public const string LibraryName = "notebookdl_native";
    private const string FileName = "libnotebookdl_native.so";

    /// <summary>Installed once by NativeMethods' static constructor, before the first native call.</summary>
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        var candidates = CandidatePaths().ToList();
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
            throw new TorchException(
                $"The NotebookDL native shim {FileName} was not found (looked in: {string.Join(", ", candidates)}). " +
                "Build it with `./build.sh setup` (needs cmake, g++ and libtorch-dev), or set NOTEBOOKDL_NATIVE_DIR.");
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchException(
                $"{FileName} was found at {path} but could not be loaded, usually because libtorch is missing. " +
                "Install it with `apt-get install libtorch-dev libopenblas0-pthread` (Debian 12), or point " +
                $"LD_LIBRARY_PATH at your libtorch/lib. The loader said: {e.Message}", e);
        }
    }

    private static IEnumerable<string> CandidatePaths()
    {
        var env = Environment.GetEnvironmentVariable("NOTEBOOKDL_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, FileName);
        var assemblyDir = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir)) yield return Path.Combine(assemblyDir, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
    }
}
