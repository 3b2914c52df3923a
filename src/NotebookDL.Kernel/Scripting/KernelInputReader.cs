namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Console.In for cells: each line is asked from the front end (input_request on stdin). Text already written
/// on the current stdout line becomes the prompt, so <c>Console.Write("Name? "); Console.ReadLine()</c> reads naturally.
/// </summary>
internal sealed class KernelInputReader(OutputRouter router) : TextReader
{
    private string? pending; // the rest of the last line, for Read()/Peek()

    public override string? ReadLine()
    {
        if (pending is not null)
        {
            var rest = pending;
            pending = null;
            return rest.TrimEnd('\n');
        }
        var input = router.Input ?? throw new InvalidOperationException("Console input is only available while a cell runs.");
        if (!input.IsAllowed)
            throw new InvalidOperationException("Console.ReadLine is not available: this client does not accept input (allow_stdin is false).");
        var prompt = router.Stdout.TakePartialLine();
        router.FlushStreams();
        return input.ReadLine(prompt, password: false);
    }

    public override int Peek()
    {
        pending ??= ReadLine() + "\n";
        return pending.Length > 0 ? pending[0] : -1;
    }

    public override int Read()
    {
        int c = Peek();
        if (c >= 0) pending = pending!.Length > 1 ? pending[1..] : null;
        return c;
    }
}
