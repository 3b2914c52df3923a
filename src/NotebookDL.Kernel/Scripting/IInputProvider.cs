namespace NotebookDL.Kernel.Scripting;

/// <summary>Asks the front end for a line of input (Jupyter's stdin channel).</summary>
public interface IInputProvider
{
    /// <summary>False when the client said it cannot answer input requests (allow_stdin = false).</summary>
    bool IsAllowed { get; }

    /// <summary>Blocks until the user answered; throws <see cref="OperationCanceledException"/> on interrupt.</summary>
    string ReadLine(string prompt, bool password);
}
