namespace NotebookDL.Kernel.Transport;

/// <summary>
/// Echoes every heartbeat ping on its own thread, so a kernel busy in a long cell still looks alive.
/// </summary>
internal sealed class Heartbeat
{
    private readonly KernelSocket socket;
    private readonly CancellationToken stop;

    public Heartbeat(KernelSocket socket, CancellationToken stop)
    {
        this.socket = socket;
        this.stop = stop;
    }

    /// <summary>Starts the echo loop on a background thread.</summary>
    public Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "jupyter-heartbeat" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!socket.Poll(200)) continue;
                var frames = socket.Receive();
                if (frames is null) return;
                socket.Send(frames);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or NetMQ.TerminatingException)
        {
            KernelLog.Info($"heartbeat stopped: {ex.Message}");
        }
    }
}
