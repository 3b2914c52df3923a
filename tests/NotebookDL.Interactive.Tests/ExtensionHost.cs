using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookDL.Interactive.Tests;

/// <summary>A .NET Interactive host in process: a CompositeKernel around a C# kernel, as dotnet-interactive builds it.</summary>
public sealed class ExtensionHost : IDisposable
{
    private readonly CompositeKernel _kernel;

    public ExtensionHost()
    {
        _kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers().UseWho() };
        _kernel.DefaultKernelName = "csharp";
    }

    /// <summary>References the NotebookDL assemblies next to the tests (what #r "nuget:" does for the package) and
    /// runs the package's extension.dib as the host does.</summary>
    public async Task LoadAsync(string extensionDib)
    {
        var references = string.Concat(new[] { "TorchSharp", "NotebookDL.Display", "NotebookDL", "NotebookDL.Interactive" }
            .Select(name => $"#r \"{Path.Combine(PackedExtension.Binaries, name + ".dll")}\"\n"));
        AssertSucceeded(await SubmitAsync(references), "referencing the assemblies");
        AssertSucceeded(await SubmitAsync(Code(extensionDib)), "running extension.dib");
    }

    public async Task<KernelCommandResult> SubmitAsync(string code) => await _kernel.SendAsync(new SubmitCode(code));

    public static void AssertSucceeded(KernelCommandResult result, string what)
    {
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
        Assert.True(failed is null, $"{what} failed: {failed?.Message}");
    }

    /// <summary>The code of a .dib file: everything after its #!csharp line.</summary>
    public static string Code(string dib) =>
        string.Join('\n', dib.Split('\n').SkipWhile(line => !line.StartsWith("#!csharp", StringComparison.Ordinal)).Skip(1));

    public void Dispose() => _kernel.Dispose();
}
