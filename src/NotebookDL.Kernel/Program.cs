using System.Runtime.InteropServices;
using NotebookDL.Kernel;
using NotebookDL.Kernel.Install;
using NotebookDL.Kernel.Scripting;
using NotebookDL.Kernel.Server;
using NotebookDL.Kernel.Transport;

return KernelCommand.Run(args);

/// <summary>Command line: <c>--connection-file F</c> (what Jupyter runs), <c>install</c>, <c>uninstall</c>.</summary>
internal static class KernelCommand
{
    private const string Usage = """
        NotebookDL C# kernel for Jupyter
          NotebookDL.Kernel --connection-file FILE                     run (Jupyter starts it this way)
          NotebookDL.Kernel install [--user | --prefix DIR | --sys-prefix]   write the 'notebookdl' kernelspec
          NotebookDL.Kernel uninstall [--user | --prefix DIR | --sys-prefix]
        """;

    public static int Run(string[] args)
    {
        try
        {
            if (args.Length >= 2 && args[0] is "--connection-file" or "-f") return Serve(args[1]);
            if (args.Length >= 1 && args[0] is "install" or "uninstall") return InstallCommand(args);
            Console.Error.WriteLine(Usage);
            return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"notebookdl kernel: {ex.Message}");
            return 1;
        }
    }

    private static int Serve(string connectionFile)
    {
        KernelLog.Open();
        KernelLog.Info($"starting with {connectionFile}");
        // Before any cell allocates a tensor (see MallocTuning for the measured speed-up).
        NotebookDL.MallocTuning.Apply();
        try
        {
            var info = ConnectionInfo.Load(connectionFile);
            var interpreter = new RoslynInterpreter();
            using var server = new KernelServer(info, interpreter);
            // A Ctrl+C in the terminal that started Jupyter reaches the kernel too: treat it as an interrupt
            // (as ipykernel does) instead of letting .NET end the process and lose the user's variables.
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

    private static int InstallCommand(string[] args)
    {
        var (scope, prefix) = args.Skip(1).ToArray() switch
        {
            [] => (InstallScope.System, null),
            ["--user"] => (InstallScope.User, null),
            ["--sys-prefix"] => (InstallScope.SysPrefix, null),
            ["--prefix", var p] => (InstallScope.Prefix, (string?)Path.GetFullPath(p)),
            _ => throw new ArgumentException($"unexpected arguments: {string.Join(" ", args.Skip(1))}\n{Usage}"),
        };
        if (args[0] == "install")
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
