using System.Text;

namespace NotebookDL.Engine.Tests;

/// <summary>
/// TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13); Debian 12's libstdc++ stops at 3.4.30. The build
/// marks that one requirement weak in the copy next to the tests; these tests pin both halves: it loads and computes,
/// and the NuGet cache still holds the package's original bytes.
/// </summary>
public class NativeLoadTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string CacheCopy
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    [Fact]
    public void TorchSharp_loads_and_computes()
    {
        using var scope = NewDisposeScope();
        var a = arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        var b = ones(3, 2);
        var c = a.matmul(b);
        Assert.Equal(new float[] { 3, 3, 12, 12 }, c.data<float>().ToArray());
    }

    [Fact]
    public void Only_the_output_copy_has_the_requirement_marked_weak()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test reads Linux ELF files");
        var systemIsOld = !File.ReadAllText("/usr/lib/x86_64-linux-gnu/libstdc++.so.6", Encoding.Latin1).Contains(Version);
        Assert.Equal(systemIsOld, VersionFlags(OutputCopy).Weak);
        Assert.False(VersionFlags(CacheCopy).Weak, $"the NuGet cache's {CacheCopy} must be left as the package shipped it");
        Assert.Equal(new FileInfo(CacheCopy).Length, new FileInfo(OutputCopy).Length);
    }

    // readelf's view of one requirement: Debian's binutils are on every machine that builds this repository.
    private static (bool Found, bool Weak) VersionFlags(string library)
    {
        var text = Run("readelf", "-V", library);
        var line = text.Split('\n').FirstOrDefault(l => l.Contains("Name: " + Version));
        Assert.NotNull(line);
        return (true, line!.Contains("Flags: WEAK"));
    }

    private static string Run(string file, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
