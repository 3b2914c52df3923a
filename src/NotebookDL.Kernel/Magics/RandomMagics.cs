using NotebookDL.Display;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Magics;

/// <summary><c>#!seed N</c> (reproducible randomness) and <c>#!threads N</c> (torch's CPU threads).</summary>
internal static class RandomMagics
{
    public static Magic Seed() => new("seed", "Seed the notebook's shared random generator Rng (and torch's, when loaded).",
        [new MagicParameter("seed", "an integer seed")], invocation =>
    {
        int seed = IntArgument(invocation, "seed");
        CellGlobals.Seed(seed);
        var torchProblem = TorchSupport.TrySeed(seed);
        return MimeBundle.PlainText(torchProblem is null
            ? $"Seeded Rng and torch with {seed}."
            : $"Seeded Rng with {seed} (torch not seeded: {torchProblem}).");
    });

    public static Magic Threads() => new("threads", "Set the number of CPU threads torch uses.",
        [new MagicParameter("n", "number of threads (>= 1)")], invocation =>
    {
        int n = IntArgument(invocation, "n");
        if (n < 1) throw new ArgumentException($"#!threads needs a positive number of threads, got {n}.");
        TorchSupport.SetThreads(n);
        return MimeBundle.PlainText($"torch now uses {n} thread(s).");
    });

    private static int IntArgument(MagicInvocation invocation, string name)
    {
        if (invocation.Arguments.Count != 1 || !int.TryParse(invocation.Arguments[0], out int value))
            throw new ArgumentException($"#!{invocation.Name} expects one integer <{name}>, got '{string.Join(" ", invocation.Arguments)}'.");
        return value;
    }
}
