using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace NotebookDL.Interactive.Tests;

/// <summary>
/// NotebookDL.Interactive packed by <c>dotnet pack</c> (the Release build this test run uses) into a temporary folder,
/// once per test run: the tests read extension.dib and the nuspec from the package a user would download.
/// </summary>
public sealed class PackedExtension : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nbdl-pack-").FullName;

    public PackedExtension()
    {
        var project = Path.Combine(RepoRoot(), "src", "NotebookDL.Interactive", "NotebookDL.Interactive.csproj");
        var (code, output) = Run("dotnet", "pack", project, "-c", Configuration, "--no-build", "-o", _folder, "-nologo");
        Assert.True(code == 0, $"dotnet pack failed ({code}):\n{output}");
        var nupkg = Directory.GetFiles(_folder, "NotebookDL.Interactive.*.nupkg").Single();
        using var zip = ZipFile.OpenRead(nupkg);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        ExtensionDib = Read(zip, "interactive-extensions/dotnet/extension.dib");
        Nuspec = XDocument.Parse(Read(zip, "NotebookDL.Interactive.nuspec"));
    }

    public IReadOnlyList<string> Entries { get; }

    public string ExtensionDib { get; }

    public XDocument Nuspec { get; }

    /// <summary>The directory holding this test's assemblies (NotebookDL*.dll, TorchSharp.dll).</summary>
    public static string Binaries => AppContext.BaseDirectory;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string Read(ZipArchive zip, string entry)
    {
        var found = zip.GetEntry(entry) ?? throw new InvalidOperationException($"the package has no {entry}");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookDL.sln"))) return dir.FullName;
        throw new InvalidOperationException("NotebookDL.sln not found above " + AppContext.BaseDirectory);
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
