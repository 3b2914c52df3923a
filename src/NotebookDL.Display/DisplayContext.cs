namespace NotebookDL.Display;

/// <summary>
/// The process-wide slot where a host installs its <see cref="IDisplayPublisher"/>. Deliberately a plain
/// static (not AsyncLocal): a notebook kernel has one output channel, and displays made from background
/// threads (a data loader, a timer) must reach it too.
/// </summary>
public static class DisplayContext
{
    private static IDisplayPublisher? publisher;

    /// <summary>The active publisher, or null when no host is attached (displays then go to the console).</summary>
    public static IDisplayPublisher? Publisher
    {
        get => Volatile.Read(ref publisher);
        set => Volatile.Write(ref publisher, value);
    }

    /// <summary>
    /// Installs <paramref name="replacement"/> atomically and returns a scope that puts the previous publisher back
    /// when disposed (used by hosts for a single execution and by tests).
    /// </summary>
    public static IDisposable Use(IDisplayPublisher? replacement)
    {
        var previous = Interlocked.Exchange(ref publisher, replacement);
        return new Restore(replacement, previous);
    }

    private sealed class Restore(IDisplayPublisher? installed, IDisplayPublisher? previous) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            // Only restore if nobody swapped in a different publisher meanwhile; otherwise we would clobber theirs.
            Interlocked.CompareExchange(ref publisher, previous, installed);
        }
    }
}
