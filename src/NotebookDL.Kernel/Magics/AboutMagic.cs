using System.Runtime.InteropServices;
using NotebookDL.Display;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;
using NotebookDL.Kernel.Server;

namespace NotebookDL.Kernel.Magics;

/// <summary><c>#!about</c>: versions of the kernel, runtime and compiler, and which NotebookDL parts are loaded.</summary>
internal static class AboutMagic
{
    public static Magic Create() => new("about", "Show kernel, .NET, Roslyn and NotebookDL versions.", [], _ =>
    {
        var roslyn = typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.GetName().Version;
        var lines = new[]
        {
            $"NotebookDL kernel {KernelInfo.Version}",
            $".NET {Environment.Version} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores)",
            $"Roslyn (Microsoft.CodeAnalysis.CSharp) {roslyn}",
            $"TorchSharp: {(ScriptEnvironment.HasTorch ? $"available, {TorchThreads()}" : "not found next to the kernel")}",
            $"Kernel directory: {ScriptEnvironment.KernelDirectory}",
            $"Log: {KernelLog.DefaultPath}",
        };
        return MimeBundle.PlainText(string.Join("\n", lines));
    });

    private static string TorchThreads()
    {
        try { return $"{TorchSharp.torch.get_num_threads()} thread(s)"; }
        catch (Exception ex) { return $"libtorch not usable: {ex.GetBaseException().Message}"; }
    }
}
