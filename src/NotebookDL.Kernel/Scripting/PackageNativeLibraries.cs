using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Native libraries of packages referenced with <c>#r "nuget: ..."</c> (ML.NET's libFastTreeNative, say). A cell's
/// assemblies load from the NuGet cache, where the runtime does not look for their natives (they sit under
/// <c>runtimes/&lt;rid&gt;/native/</c>), so a DllImport fails with DllNotFoundException. Restores register the
/// natives for this machine's RID here, and every load context asks here when its own probing fails.
/// </summary>
internal static class PackageNativeLibraries
{
    private static readonly ConcurrentDictionary<string, string> ByName = new(StringComparer.Ordinal);
    private static int hooked;

    /// <summary>Makes the native files in <paramref name="paths"/> loadable by their library names.</summary>
    public static void Register(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var file = Path.GetFileName(path);
            ByName[file] = path;
            ByName[LibraryName(file)] = path;
        }
        if (Interlocked.Exchange(ref hooked, 1) != 0) return;
        // Roslyn's script loader puts #r assemblies in load contexts of its own: each context asks its own event.
        Hook(AssemblyLoadContext.Default);
        foreach (var context in AssemblyLoadContext.All) Hook(context);
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Hook(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
    }

    private static readonly ConcurrentDictionary<AssemblyLoadContext, bool> Hooked = new();

    private static void Hook(AssemblyLoadContext? context)
    {
        if (context is not null && Hooked.TryAdd(context, true)) context.ResolvingUnmanagedDll += Resolve;
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        var path = ByName.GetValueOrDefault(name) ?? ByName.GetValueOrDefault(LibraryName(name));
        return path is not null && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
    }

    /// <summary>"libFastTreeNative.so", "FastTreeNative.dll" and "FastTreeNative" all name the library FastTreeNative.</summary>
    internal static string LibraryName(string file)
    {
        var name = file;
        foreach (var extension in new[] { ".so", ".dylib", ".dll" })
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) name = name[..^extension.Length];
        return name.StartsWith("lib", StringComparison.Ordinal) && !OperatingSystem.IsWindows() ? name[3..] : name;
    }
}
