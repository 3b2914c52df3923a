using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// The process-wide destination of Console output, console input and Display calls. It follows the cell being
/// executed; between cells, background threads keep writing to the last cell's output (as ipykernel does).
/// </summary>
internal sealed class OutputRouter : IDisplayPublisher
{
    private volatile IOutputPublisher? output;
    private volatile IInputProvider? input;

    public OutputRouter()
    {
        Stdout = new StreamingWriter("stdout", this);
        Stderr = new StreamingWriter("stderr", this);
    }

    /// <summary>The stdout stream writer installed as Console.Out.</summary>
    public StreamingWriter Stdout { get; }

    /// <summary>The stderr stream writer installed as Console.Error.</summary>
    public StreamingWriter Stderr { get; }

    internal IOutputPublisher? Output => output;
    internal IInputProvider? Input => input;

    /// <summary>Routes Console, Display and input to one cell's publisher.</summary>
    public void Attach(IOutputPublisher cellOutput, IInputProvider cellInput)
    {
        output = cellOutput;
        input = cellInput;
    }

    /// <summary>Sends buffered stream text now (before a display, a result or the reply).</summary>
    public void FlushStreams()
    {
        Stdout.Flush();
        Stderr.Flush();
    }

    public void Publish(MimeBundle bundle, string? displayId)
    {
        FlushStreams(); // keep output in the order the cell produced it
        output?.Display(bundle, displayId);
    }

    public void Update(MimeBundle bundle, string displayId)
    {
        FlushStreams();
        output?.UpdateDisplay(bundle, displayId);
    }

    public void ClearOutput(bool wait)
    {
        FlushStreams(); // text printed before the clear belongs to what is cleared
        output?.ClearOutput(wait);
    }

    /// <summary>Installs this router as Console.Out/Error/In and as the Display publisher.</summary>
    public void InstallGlobally()
    {
        Console.SetOut(Stdout);
        Console.SetError(Stderr);
        Console.SetIn(new KernelInputReader(this));
        DisplayContext.Publisher = this;
    }
}
