namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Cooperative interruption of cells. .NET cannot abort a thread, so every cell is rewritten to call
/// <see cref="Check"/> at the top of each loop body and method or lambda body; an interrupt cancels the
/// running cell's token and the next check throws <see cref="OperationCanceledException"/>.
/// Public because compiled cells call it.
/// </summary>
/// <remarks>
/// The token flows with the cell (an <see cref="AsyncLocal{T}"/>), so code after an await and tasks the cell
/// started are stopped too, while a cell abandoned by <see cref="CellRunner"/> stays cancelled even after
/// later cells started. A check throws only where the exception is sure to be caught - on the cell runner's
/// thread or inside a Task - never on a bare thread or timer the cell started, where an unhandled exception
/// would end the process. With nothing cancelled, a check is one volatile read.
/// </remarks>
public static class Cancellation
{
    private static readonly AsyncLocal<CellToken?> Current = new();
    [ThreadStatic] private static bool onRunnerThread;
    private static volatile bool pending;
    private static volatile CellToken? active;
    private static int abandoned;

    /// <summary>True when the cell this code belongs to was interrupted.</summary>
    public static bool IsRequested => Current.Value?.IsCancelled ?? false;

    /// <summary>Throws <see cref="OperationCanceledException"/> if the cell this code belongs to was interrupted.</summary>
    public static void Check()
    {
        if (pending) CheckSlow();
        // Every loop iteration of a cell is also where the thread count follows the machine's load: one more read here,
        // the policy only when its sampler changed its mind (calling it on every iteration made a tight loop 2.5x slower).
        if (threadsChanged) AdjustThreads();
        if (MemoryGuard.Pending) MemoryGuard.Collect();
    }

    private static volatile bool threadsChanged;

    static Cancellation() => NotebookDL.Engine.ThreadPolicy.WantedChanged += () => threadsChanged = true;

    private static void AdjustThreads()
    {
        threadsChanged = false;
        NotebookDL.Engine.ThreadPolicy.Adjust();
    }

    /// <summary>
    /// <see cref="Check"/> for the cell's own top-level code, whose exception can only end up in the submission's task
    /// (it is compiled into the submission's async method). It throws on any thread, so a top-level loop that resumed on
    /// the thread pool after an await stops instead of spinning on after the cell was reported interrupted.
    /// </summary>
    public static void CheckInTask()
    {
        if (threadsChanged) AdjustThreads();
        if (MemoryGuard.Pending) MemoryGuard.Collect();
        if (pending && Current.Value is { IsCancelled: true }) throw new OperationCanceledException("The cell was interrupted.");
    }

    private static void CheckSlow()
    {
        if (Current.Value is { IsCancelled: true } && (onRunnerThread || Task.CurrentId is not null))
            throw new OperationCanceledException("The cell was interrupted.");
    }

    /// <summary>Cancels the running (or last) cell.</summary>
    internal static void Request()
    {
        if (active is not { } token) return;
        token.Cancel();
        pending = true;
    }

    /// <summary>Starts a cell's token; call on the thread that runs the cell, so the token flows with its code.</summary>
    internal static CellToken BeginCell()
    {
        var token = new CellToken();
        Current.Value = token;
        active = token;
        // Abandoned cells may still be running with cancelled tokens: keep checking for them.
        pending = Volatile.Read(ref abandoned) > 0;
        return token;
    }

    /// <summary>Marks the calling thread as a cell runner (a check may throw on it).</summary>
    internal static void MarkRunnerThread() => onRunnerThread = true;

    /// <summary>Records that a cell was left running in the background.</summary>
    internal static void NoteAbandoned() => Interlocked.Increment(ref abandoned);
}

/// <summary>The interrupt flag of one cell.</summary>
internal sealed class CellToken
{
    private volatile bool cancelled;

    public bool IsCancelled => cancelled;

    public void Cancel() => cancelled = true;
}
