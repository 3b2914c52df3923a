using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Install;

/// <summary>
/// Writes and removes the Jupyter kernelspec directory "notebookdl" (kernel.json + logo) where Jupyter looks:
/// ~/.local/share/jupyter/kernels (--user), PREFIX/share/jupyter/kernels (--prefix, --sys-prefix) or
/// /usr/local/share/jupyter/kernels (system-wide).
/// </summary>
public static class KernelSpecInstaller
{
    /// <summary>The kernelspec name used in notebooks' metadata.</summary>
    public const string KernelName = "notebookdl";

    /// <summary>The kernels directory for the given scope.</summary>
    public static string KernelsDirectory(InstallScope scope, string? prefix = null) => scope switch
    {
        InstallScope.User => Path.Combine(DataHome(), "jupyter", "kernels"),
        InstallScope.Prefix => Path.Combine(prefix ?? throw new ArgumentNullException(nameof(prefix), "--prefix needs a directory"), "share", "jupyter", "kernels"),
        InstallScope.SysPrefix => Path.Combine(SysPrefix(), "share", "jupyter", "kernels"),
        _ => "/usr/local/share/jupyter/kernels",
    };

    /// <summary>Writes kernel.json and the logo; returns the kernelspec directory.</summary>
    public static string Install(InstallScope scope, string? prefix = null)
    {
        var dir = Path.Combine(KernelsDirectory(scope, prefix), KernelName);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "kernel.json"), KernelJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllBytes(Path.Combine(dir, "logo-64x64.png"), Logo.Png(64));
        File.WriteAllBytes(Path.Combine(dir, "logo-32x32.png"), Logo.Png(32));
        return dir;
    }

    /// <summary>Removes the kernelspec directory; returns it, or null if it was not installed.</summary>
    public static string? Uninstall(InstallScope scope, string? prefix = null)
    {
        var dir = Path.Combine(KernelsDirectory(scope, prefix), KernelName);
        if (!Directory.Exists(dir)) return null;
        Directory.Delete(dir, recursive: true);
        return dir;
    }

    /// <summary>
    /// kernel.json. argv runs this very build: the apphost if it exists next to the dll (faster start),
    /// else "dotnet NotebookDL.Kernel.dll".
    /// </summary>
    public static JsonObject KernelJson()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NotebookDL.Kernel.dll");
        var apphost = Path.Combine(AppContext.BaseDirectory, "NotebookDL.Kernel");
        var argv = File.Exists(apphost) && !OperatingSystem.IsWindows()
            ? new JsonArray(apphost, "--connection-file", "{connection_file}")
            : new JsonArray(Environment.ProcessPath ?? "dotnet", dll, "--connection-file", "{connection_file}");
        return new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = "C# (NotebookDL)",
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["env"] = KernelEnvironment(),
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
    }

    /// <summary>
    /// The kernel's environment. DOTNET_ROOT names the .NET this installer runs on: a dotnet tool's apphost finds the
    /// runtime through it when .NET is not in the system location (a per-user ~/.dotnet), and Jupyter starts kernels
    /// from a desktop session that may not have the shell's variables.
    /// </summary>
    private static JsonObject KernelEnvironment()
    {
        var env = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        var root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        if (File.Exists(Path.Combine(root, "dotnet")) || File.Exists(Path.Combine(root, "dotnet.exe"))) env["DOTNET_ROOT"] = root;
        return env;
    }

    private static string DataHome() =>
        Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");

    /// <summary>The Python environment's prefix (virtualenv/conda), or /usr for the system Python.</summary>
    private static string SysPrefix() =>
        Environment.GetEnvironmentVariable("VIRTUAL_ENV") ?? Environment.GetEnvironmentVariable("CONDA_PREFIX") ?? "/usr";
}

/// <summary>Where a kernelspec is installed.</summary>
public enum InstallScope { System, User, Prefix, SysPrefix }
