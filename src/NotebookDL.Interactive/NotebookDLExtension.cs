using Microsoft.DotNet.Interactive;
using NotebookDL.Display;

namespace NotebookDL.Interactive;

/// <summary>
/// The .NET Interactive extension: <c>extension.dib</c> (run by the host when <c>#r "nuget: NotebookDL.Interactive"</c>
/// loads the package) calls <see cref="Load"/> with the root kernel.
/// </summary>
public static class NotebookDLExtension
{
    /// <summary>
    /// Makes TorchSharp loadable on older Linux, registers the formatters, routes NotebookDL's displays to the host and
    /// adds the magics it lacks.
    /// </summary>
    public static void Load(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (OlderLibStdCxx.Apply() is { } done) Console.WriteLine(done);
        NotebookDL.Engine.ProcessSetup.Apply();
        InteractiveFormatters.Register();
        DisplayContext.Publisher = new InteractivePublisher();
        InteractiveMagics.Add(kernel);
        InteractiveGuards.Add(kernel);
        LibTorchMessages.Install();
    }
}
