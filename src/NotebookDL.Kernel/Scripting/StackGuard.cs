using System.Runtime.CompilerServices;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Turns runaway recursion in a cell into an exception the cell reports, where .NET would end the whole kernel
/// process (a stack overflow cannot be caught) and lose every variable. Every method, local function and lambda body
/// a cell defines calls <see cref="Enter"/> first (inserted by <see cref="CellInstrumenter"/>). Public because
/// compiled cells call it.
/// </summary>
/// <remarks>
/// On the cell thread (64 MB of stack) the bound is <see cref="Limit"/> bytes used since the cell began, measured
/// from the address of a local: the rest stays free for the library and native code a deep frame calls, and the
/// report's stack trace stays small enough to build quickly. On any other thread (tasks a cell starts) the runtime's
/// own <c>RuntimeHelpers.EnsureSufficientExecutionStack</c> is the bound.
/// </remarks>
public static class StackGuard
{
    /// <summary>Stack a cell's own calls may use on the cell thread: 8 MB, a .NET console app's main thread on Linux.</summary>
    public const int Limit = 8 * 1024 * 1024;

    // Address of a local in the cell runner's frame when the current cell began; zero on threads that run no cell.
    [ThreadStatic] private static nuint cellBase;

    /// <summary>The cancellation check, then the stack check.</summary>
    public static unsafe void Enter()
    {
        Cancellation.Check();
        if (cellBase == 0)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return;
        }
        byte here;
        // Stacks grow down on every platform .NET runs on.
        if (cellBase - (nuint)(&here) > Limit)
            throw new InsufficientExecutionStackException(
                $"The cell's calls went more than {Limit / (1024 * 1024)} MB deep into the stack: probably a recursion without an end. " +
                "The kernel stopped it before the process overflowed; variables defined by earlier cells are kept.");
    }

    /// <summary>Marks where the cell's stack begins; call on the cell thread just before the cell runs.</summary>
    internal static unsafe void BeginCell()
    {
        byte here;
        cellBase = (nuint)(&here);
    }
}
