namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// A language engine behind the kernel. It never sees sockets or messages: it receives plain requests,
/// emits output through the <see cref="IOutputPublisher"/> it is handed, and returns reply data.
/// Positions are UTF-16 indexes into the code; the protocol layer converts from and to code points.
/// </summary>
public interface IInterpreter
{
    /// <summary>Runs one cell. Output (streams, displays, result, error) goes to <paramref name="output"/>.</summary>
    ExecuteOutcome Execute(ExecuteRequest request, IOutputPublisher output, IInputProvider input);

    /// <summary>Completion candidates for the identifier at <paramref name="cursor"/>.</summary>
    CompletionResult Complete(string code, int cursor);

    /// <summary>Help for the symbol at <paramref name="cursor"/>, or <see cref="InspectionResult.NotFound"/>.</summary>
    InspectionResult Inspect(string code, int cursor, int detailLevel);

    /// <summary>Whether <paramref name="code"/> is a complete cell, needs more lines, or can never compile.</summary>
    IsCompleteResult IsComplete(string code);

    /// <summary>Asks the running cell to stop (called from the control thread).</summary>
    void Interrupt();
}
