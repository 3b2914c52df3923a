using System.Diagnostics;
using System.Text;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// A Console writer that streams to the front end while the cell runs. A newline flushes at once unless
/// the previous flush was under <see cref="MinInterval"/> ago; anything left is flushed by a timer after
/// <see cref="MaxDelay"/>. So a single print shows immediately and a print flood becomes ~20 messages a second
/// instead of one per line.
/// </summary>
internal sealed class StreamingWriter : TextWriter
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(50);

    private readonly string name;
    private readonly OutputRouter router;
    private readonly StringBuilder buffer = new();
    private readonly object gate = new();
    private readonly Timer timer;
    private long lastFlush;
    private bool timerArmed;

    public StreamingWriter(string name, OutputRouter router)
    {
        this.name = name;
        this.router = router;
        timer = new Timer(_ => Flush());
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            buffer.Append(value);
            AfterWrite(value == '\n');
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (gate)
        {
            buffer.Append(value);
            AfterWrite(value.Contains('\n'));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + new string(CoreNewLine));

    /// <summary>Removes and returns a trailing partial line (what a Console.Write before ReadLine used as a prompt).</summary>
    public string TakePartialLine()
    {
        lock (gate)
        {
            var text = buffer.ToString();
            int lastNewline = text.LastIndexOf('\n');
            var partial = text[(lastNewline + 1)..];
            buffer.Length = lastNewline + 1;
            FlushLocked();
            return partial;
        }
    }

    public override void Flush()
    {
        lock (gate) FlushLocked();
    }

    private void AfterWrite(bool newline)
    {
        if (newline && Stopwatch.GetElapsedTime(lastFlush) >= MinInterval) { FlushLocked(); return; }
        if (!timerArmed)
        {
            timerArmed = true;
            timer.Change(MaxDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void FlushLocked()
    {
        timerArmed = false;
        if (buffer.Length == 0) return;
        var text = buffer.ToString();
        buffer.Clear();
        lastFlush = Stopwatch.GetTimestamp();
        try
        {
            router.Output?.Stream(name, text);
        }
        catch (Exception ex)
        {
            KernelLog.Error($"cannot publish {name}", ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) timer.Dispose();
        base.Dispose(disposing);
    }
}
