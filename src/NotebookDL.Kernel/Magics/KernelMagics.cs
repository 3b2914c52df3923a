using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Magics;

/// <summary>Registers the kernel's magics in a <see cref="MagicRegistry"/> (lsmagic is built into the registry).</summary>
internal static class KernelMagics
{
    /// <summary>Magics that take over the cell body (the kernel then does not run it again).</summary>
    private static readonly HashSet<string> BodyConsumers = new(StringComparer.OrdinalIgnoreCase) { "time", "timeit", "html", "markdown" };

    public static bool ConsumesBody(string name) => BodyConsumers.Contains(name);

    public static void RegisterAll(MagicRegistry registry, RoslynInterpreter interpreter)
    {
        registry.Register(TimingMagics.Time(interpreter));
        registry.Register(TimingMagics.TimeIt(interpreter));
        registry.Register(WhoMagics.Who(interpreter));
        registry.Register(WhoMagics.Whos(interpreter));
        registry.Register(TorchMagics.Seed("Rng", CellGlobals.Seed));
        registry.Register(TorchMagics.Threads());
        registry.Register(ContentMagics.Html());
        registry.Register(ContentMagics.Markdown());
        registry.Register(AboutMagic.Create());
        registry.Register(HelpMagic.Create(interpreter));
    }
}
