using System.Runtime.InteropServices;
using NotebookDL.Kernel;
using NotebookDL.Kernel.Install;
using NotebookDL.Kernel.Scripting;
using NotebookDL.Kernel.Server;
using NotebookDL.Kernel.Transport;

return KernelCommand.Run(args);

/// <summary>
/// Command line of the <c>notebookdl</c> tool: <c>--connection-file F</c> (what Jupyter runs), <c>kernel install</c>,
/// <c>kernel uninstall</c>, <c>--version</c>.
/// </summary>
internal static class KernelCommand
{
    private const string Usage = """
        NotebookDL C# kernel for Jupyter
          notebookdl kernel install [--user | --prefix DIR | --sys-prefix]     write the 'notebookdl' kernelspec
          notebookdl kernel uninstall [--user | --prefix DIR | --sys-prefix]
          notebookdl --version
          notebookdl --connection-file FILE                                 run (Jupyter starts it this way)
        """;

    public static int Run(string[] args)
    {
        try
        {
            switch (args)
            {
                case ["--connection-file" or "-f", var file, ..]:
                    return Serve(file);
                case ["kernel", "install" or "uninstall", ..]:
                    return InstallCommand(args[1], args[2..]);
                case ["--version"]:
                    Console.WriteLine(Version());
                    return 0;
                case [] or ["-h" or "--help"]:
                    Console.Error.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"notebookdl: unknown command '{string.Join(" ", args)}'\n{Usage}");
                    return 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"notebookdl: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The package version (informational version without the commit suffix).</summary>
    private static string Version()
    {
        var info = typeof(KernelCommand).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        return info?.Split('+')[0] ?? "unknown";
    }

    private static int Serve(string connectionFile)
    {
        KernelLog.Open();
        KernelLog.Info($"starting with {connectionFile}");
        // Before any cell touches TorchSharp: thread policy and malloc tuning (see ProcessSetup).
        foreach (var line in NotebookDL.Engine.ProcessSetup.Apply()) KernelLog.Info(line);
        NotebookDL.Kernel.Scripting.MemoryGuard.Start();
        try
        {
            var info = ConnectionInfo.Load(connectionFile);
            var interpreter = new RoslynInterpreter();
            using var server = new KernelServer(info, interpreter);
            // A Ctrl+C in the terminal that started Jupyter reaches the kernel too: treat it as an interrupt
            // (as ipykernel does) instead of letting .NET end the process and lose the user's variables.
            if (InheritedSigint.Restore()) KernelLog.Info("SIGINT was inherited ignored; restored so that signal interrupts reach cells");
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                KernelLog.Info("SIGINT: interrupting the running cell");
                interpreter.Interrupt();
            });
            using var parentWatch = ParentWatcher.Start(server.RequestStop);
            server.Run();
            KernelLog.Info("shut down cleanly");
            return 0;
        }
        catch (Exception ex)
        {
            KernelLog.Error("kernel failed", ex);
            return 1;
        }
    }

    private static int InstallCommand(string verb, string[] options)
    {
        var (scope, prefix) = options switch
        {
            [] => (InstallScope.System, null),
            ["--user"] => (InstallScope.User, null),
            ["--sys-prefix"] => (InstallScope.SysPrefix, null),
            ["--prefix", var p] => (InstallScope.Prefix, (string?)Path.GetFullPath(p)),
            _ => throw new ArgumentException($"unexpected arguments to 'kernel {verb}': {string.Join(" ", options)}\n{Usage}"),
        };
        if (verb == "install")
        {
            var dir = KernelSpecInstaller.Install(scope, prefix);
            Console.WriteLine($"Installed kernelspec {KernelSpecInstaller.KernelName} in {dir}");
        }
        else
        {
            var dir = KernelSpecInstaller.Uninstall(scope, prefix);
            Console.WriteLine(dir is null ? $"Kernelspec {KernelSpecInstaller.KernelName} was not installed there." : $"Removed {dir}");
        }
        return 0;
    }
}
