using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using NotebookDL.Hosting;

namespace NotebookDL.Interactive;

/// <summary>
/// The kernel's guard against aborting TorchSharp calls, in the .NET Interactive host: C# submissions have their calls
/// of the guarded operations rewritten to NotebookDL's guards (<see cref="GuardRewriter"/>) before the C# kernel runs
/// them, so <c>ones(2, 3).matmul(ones(2, 3))</c> fails the cell instead of ending the host process.
/// </summary>
public static class InteractiveGuards
{
    /// <summary>Adds the rewrite to every C# kernel under <paramref name="kernel"/>; returns how many it found.</summary>
    public static int Add(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var kernels = (kernel as CompositeKernel)?.ChildKernels.OfType<CSharpKernel>().ToList()
                      ?? (kernel is CSharpKernel single ? [single] : []);
        foreach (var csharp in kernels)
            csharp.AddMiddleware(async (command, context, next) =>
            {
                if (command is SubmitCode submit && Guarded(csharp, submit.Code) is { } code)
                {
                    // The rewritten cell runs as a child of the user's, whose result then carries its events.
                    var guarded = new SubmitCode(code, submit.TargetKernelName);
                    guarded.SetParent(submit, true);
                    command = guarded;
                }
                await next(command, context);
            }, "NotebookDL guards");
        return kernels.Count;
    }

    /// <summary>The submission with guarded calls rewritten, or null when it has none or does not compile as it is
    /// (the kernel then reports the user's own errors).</summary>
    private static string? Guarded(CSharpKernel csharp, string code)
    {
        try
        {
            var compilation = csharp.ScriptState is { } state
                ? state.Script.ContinueWith(code).GetCompilation()
                : null;
            return compilation is null ? null : GuardRewriter.Rewrite(compilation);
        }
        catch (CompilationErrorException)
        {
            return null;
        }
    }
}
