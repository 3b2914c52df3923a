using System.Runtime.InteropServices;
using TorchSharp;

namespace NotebookDL.Display.Magics;

/// <summary>
/// <c>#!seed N</c> (reproducible randomness) and <c>#!threads N</c> (torch's CPU threads), defined once for every host.
/// The managed TorchSharp assembly is always present but its native libtorch may fail to load: seeding then still
/// seeds the host's own generator and says why torch was not seeded; #!threads fails with libtorch's reason.
/// </summary>
public static class TorchMagics
{
    /// <summary>
    /// Seeds torch's generator and, when the host has one, the host's own (<paramref name="hostGenerator"/> names it in
    /// the reply, e.g. the kernel's "Rng").
    /// </summary>
    public static Magic Seed(string? hostGenerator = null, Action<int>? seedHost = null) =>
        new("seed", hostGenerator is null ? "Seed torch's random generator." : $"Seed the notebook's shared random generator {hostGenerator} (and torch's, when loaded).",
            [new MagicParameter("seed", "an integer seed")], invocation =>
        {
            int seed = IntArgument(invocation, "seed");
            seedHost?.Invoke(seed);
            var torchProblem = TrySeedTorch(seed);
            if (torchProblem is null) return MimeBundle.PlainText($"Seeded {(hostGenerator is null ? "" : hostGenerator + " and ")}torch with {seed}.");
            if (hostGenerator is null) throw new InvalidOperationException($"#!seed needs libtorch through TorchSharp: {torchProblem}");
            return MimeBundle.PlainText($"Seeded {hostGenerator} with {seed} (torch not seeded: {torchProblem}).");
        });

    /// <summary>Raised when a user fixes torch's thread count with <c>#!threads</c> (an adaptive thread policy stops).</summary>
    public static event Action<int>? ThreadsChosen;

    public static Magic Threads() => new("threads", "Set the number of CPU threads torch uses.",
        [new MagicParameter("n", "number of threads (>= 1)")], invocation =>
    {
        int n = IntArgument(invocation, "n");
        if (n < 1) throw new ArgumentException($"#!threads needs a positive number of threads, got {n}.");
        try
        {
            torch.set_num_threads(n);
            ThreadsChosen?.Invoke(n);
        }
        catch (Exception ex) when (IsTorchUnavailable(ex))
        {
            throw new InvalidOperationException($"#!threads needs libtorch through TorchSharp: {Innermost(ex).Message}", ex);
        }
        return MimeBundle.PlainText($"torch now uses {n} thread(s).");
    });

    /// <summary>Seeds torch's generator; returns null on success or why torch could not be seeded.</summary>
    private static string? TrySeedTorch(long seed)
    {
        try
        {
            torch.manual_seed(seed);
            return null;
        }
        catch (Exception ex) when (ex is ExternalException || IsTorchUnavailable(ex))
        {
            return Innermost(ex).Message;
        }
    }

    private static bool IsTorchUnavailable(Exception ex) =>
        ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or NotSupportedException;

    private static int IntArgument(MagicInvocation invocation, string name)
    {
        if (invocation.Arguments.Count != 1 || !int.TryParse(invocation.Arguments[0], out int value))
            throw new ArgumentException($"#!{invocation.Name} expects one integer <{name}>, got '{string.Join(" ", invocation.Arguments)}'.");
        return value;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }
}
