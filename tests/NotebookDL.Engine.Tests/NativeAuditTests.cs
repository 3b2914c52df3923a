using System.Diagnostics;
using System.Text.Json;
using NotebookDL.TestSupport;
using Xunit.Abstractions;

namespace NotebookDL.Engine.Tests;

/// <summary>
/// Runs tests/NativeAudit: every public torch, Tensor, nn.functional, linalg, special, fft and Scalar/Tensor extension
/// operation called with bad arguments, in child processes restarted after each abort. Fails when TorchSharp has an
/// aborting operation NotebookDL does not guard (e.g. after an upgrade), and when any call through the guards aborts.
/// </summary>
public sealed class NativeAuditTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_aborting_TorchSharp_operation_is_guarded()
    {
        var report = Run(guarded: false);
        Assert.True(report.GetProperty("abortingOperations").GetArrayLength() > 0,
            "TorchSharp no longer aborts anywhere: the guards may be retired (and this test revised)");
        Assert.Contains("Tensor.matmul(Tensor)", report.GetProperty("abortingOperations").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(report.GetProperty("unguarded").EnumerateArray());
    }

    [Fact]
    public void No_call_through_the_guards_ends_the_process()
    {
        var report = Run(guarded: true);
        Assert.True(report.GetProperty("calls").GetInt32() > 5000);
        Assert.Empty(report.GetProperty("aborts").EnumerateArray());
    }

    private JsonElement Run(bool guarded)
    {
        // The audit is built with the solution, in the configuration this test assembly was built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Path.GetDirectoryName(RepoFiles.Find("tests/NativeAudit/NativeAudit.csproj"))!,
                               "bin", configuration, "net10.0", "NativeAudit.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first");
        var reportPath = Path.GetTempFileName();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        if (guarded) psi.ArgumentList.Add("--guarded");
        psi.ArgumentList.Add("--report");
        psi.ArgumentList.Add(reportPath);
        using var audit = Process.Start(psi)!;
        var stderr = audit.StandardError.ReadToEndAsync();
        var stdout = audit.StandardOutput.ReadToEnd();
        audit.WaitForExit();
        output.WriteLine(stdout);
        output.WriteLine(stderr.Result);
        Assert.True(File.Exists(reportPath) && new FileInfo(reportPath).Length > 0, "the audit wrote no report:\n" + stdout + stderr.Result);
        var report = JsonDocument.Parse(File.ReadAllText(reportPath)).RootElement.Clone();
        File.Delete(reportPath);
        return report;
    }
}
