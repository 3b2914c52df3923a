using System.Runtime.InteropServices;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Handles <c>#r "nuget: Name, Version"</c> (and <c>#i "nuget: SOURCE"</c> for more feeds): restores the package with an ordinary <c>dotnet restore</c> of a
/// small generated project in a cache directory, then reads the restore's project.assets.json for the runtime
/// assemblies of the package and its dependencies.
/// </summary>
internal static partial class NuGetReferences
{
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+?)\s*"\s*$""", RegexOptions.Multiline)]
    private static partial Regex SourceDirective();

    /// <summary>
    /// The <c>#i "nuget: SOURCE"</c> package sources in <paramref name="code"/> (a feed URL, or a local folder of
    /// .nupkg files, made absolute), with the code where each directive is blanked.
    /// </summary>
    public static (IReadOnlyList<string> Sources, string Code) ExtractSources(string code)
    {
        var sources = new List<string>();
        var rest = SourceDirective().Replace(code, m =>
        {
            var source = m.Groups["source"].Value;
            sources.Add(Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source));
            return "";
        });
        return (sources, rest);
    }

    /// <summary>The package directives found in <paramref name="code"/>, with the code where each directive is blanked (keeps line numbers).</summary>
    public static (IReadOnlyList<(string Name, string? Version)> Packages, string Code) Extract(string code)
    {
        var packages = new List<(string, string?)>();
        var rest = Directive().Replace(code, m =>
        {
            packages.Add((m.Groups["name"].Value, m.Groups["version"].Success ? m.Groups["version"].Value : null));
            return "";
        });
        return (packages, rest);
    }

    /// <summary>Root of the restore cache: $XDG_CACHE_HOME/notebookdl/nuget (or ~/.cache/...).</summary>
    public static string CacheRoot => Path.Combine(Path.GetDirectoryName(KernelLog.DefaultPath)!, "nuget");

    /// <summary>
    /// Restores <paramref name="name"/> (from the configured feeds plus <paramref name="sources"/>) and returns the paths
    /// of its runtime assemblies (with dependencies).
    /// </summary>
    /// <exception cref="InvalidOperationException">The restore failed; the message includes NuGet's own error lines.</exception>
    public static IReadOnlyList<string> Restore(string name, string? version, IReadOnlyCollection<string>? sources = null)
    {
        // A folder source deleted since its #i would fail every later restore (NU1301): only live folders count.
        var live = (sources ?? []).Where(s => Uri.TryCreate(s, UriKind.Absolute, out var uri) && !uri.IsFile || Directory.Exists(s));
        var extraSources = System.Security.SecurityElement.Escape(string.Join(";", live));
        var dir = Path.Combine(CacheRoot, name.ToLowerInvariant(), version ?? "latest");
        Directory.CreateDirectory(dir);
        var assets = Path.Combine(dir, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            File.WriteAllText(Path.Combine(dir, "restore.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <RestoreAdditionalProjectSources>{extraSources}</RestoreAdditionalProjectSources>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{System.Security.SecurityElement.Escape(name)}" Version="{System.Security.SecurityElement.Escape(version ?? "*")}" />
                  </ItemGroup>
                </Project>
                """);
            // Keep the repository's Directory.*.props out of this throwaway project.
            File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
            var (code, output) = RunDotnet(dir, "restore", "restore.csproj");
            if (code != 0 || !File.Exists(assets))
            {
                if (File.Exists(assets)) File.Delete(assets); // a failed restore must be retried next time
                var errors = output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).Distinct().Take(5);
                throw new InvalidOperationException($"Could not restore NuGet package '{name}' {version ?? "(latest)"}: {string.Join(" | ", errors)}");
            }
        }
        PackageNativeLibraries.Register(NativeLibraries(assets, RuntimeInformation.RuntimeIdentifier));
        return RuntimeAssemblies(assets);
    }

    /// <summary>The native files of every package in the restore's target for runtime <paramref name="rid"/>, as absolute paths.</summary>
    internal static IReadOnlyList<string> NativeLibraries(string assetsFile, string rid) =>
        PackageFiles(assetsFile, "runtimeTargets", asset => (string?)asset?["assetType"] == "native" && (string?)asset["rid"] == rid);

    /// <summary>Every runtime dll of every package in the restore's target, as absolute paths.</summary>
    internal static IReadOnlyList<string> RuntimeAssemblies(string assetsFile) =>
        PackageFiles(assetsFile, "runtime", _ => true).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// The files listed under <paramref name="section"/> ("runtime", "runtimeTargets") of every package in the
    /// restore's target whose asset passes <paramref name="keep"/>, resolved in the package folders; "_._"
    /// placeholders and files not found are left out.
    /// </summary>
    private static IReadOnlyList<string> PackageFiles(string assetsFile, string section, Func<JsonNode?, bool> keep)
    {
        var json = JsonNode.Parse(File.ReadAllText(assetsFile))!;
        var packageFolders = (json["packageFolders"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
        var libraries = json["libraries"] as JsonObject;
        var target = (json["targets"] as JsonObject)?.FirstOrDefault().Value as JsonObject;
        var paths = new List<string>();
        if (target is null || libraries is null) return paths;
        foreach (var (id, entry) in target)
        {
            if ((string?)entry?["type"] != "package" || entry[section] is not JsonObject files) continue;
            var libPath = (string?)libraries[id]?["path"] ?? id.ToLowerInvariant();
            foreach (var (file, asset) in files)
            {
                if (Path.GetFileName(file) == "_._" || !keep(asset)) continue;
                var full = packageFolders.Select(f => Path.Combine(f, libPath, file)).FirstOrDefault(File.Exists);
                if (full is not null) paths.Add(full);
            }
        }
        return paths;
    }

    /// <summary>Runs <c>dotnet ARGS --nologo</c> in <paramref name="workingDirectory"/>; returns its exit code and output.</summary>
    internal static (int ExitCode, string Output) RunDotnet(string workingDirectory, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--nologo");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start 'dotnet' to restore NuGet packages.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
