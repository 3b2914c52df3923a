using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Scripting;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// The transport side of the kernel: binds the sockets, runs the shell loop (main thread), the control loop
/// and the heartbeat (own threads), and brackets every request with busy/idle. Message semantics live in the
/// handlers of the dispatch table.
/// </summary>
internal sealed class KernelServer : IDisposable
{
    private readonly KernelChannels channels;
    private readonly IReadOnlyDictionary<string, RequestHandler> handlers;
    private readonly CancellationTokenSource stop = new();
    private readonly Queue<List<byte[]>> abortQueue = new(); // shell thread only

    public KernelServer(ConnectionInfo info, IInterpreter interpreter)
    {
        channels = new KernelChannels(info);
        Messages = new MessageFactory(Guid.NewGuid().ToString("N"));
        Interpreter = interpreter;
        handlers = DispatchTable.Build(interpreter);
    }

    public MessageFactory Messages { get; }
    public IInterpreter Interpreter { get; }
    internal KernelChannels Channels => channels;

    /// <summary>True once a shutdown was requested; loops exit at their next poll.</summary>
    public bool Stopping => stop.IsCancellationRequested;

    /// <summary>Serves until a shutdown_request arrives.</summary>
    public void Run()
    {
        new Heartbeat(channels.Heartbeat, stop.Token).Start();
        var control = new Thread(() => ServeLoop(channels.Control)) { IsBackground = true, Name = "jupyter-control" };
        control.Start();
        PublishStatus(KernelStatus.Starting, parent: null);
        KernelLog.Info($"kernel ready on {channels.Shell.Endpoint}");
        ServeLoop(channels.Shell);
        control.Join(TimeSpan.FromSeconds(2));
    }

    /// <summary>Makes both loops return (after the current request).</summary>
    public void RequestStop()
    {
        stop.Cancel();
        Interpreter.Interrupt(); // a cell still running must not keep the shell thread from exiting
    }

    /// <summary>
    /// After a failed cell (stop_on_error), execute requests already queued on shell are answered "aborted"
    /// instead of run, as ipykernel does: "Run all" stops at the first error. Called on the shell thread
    /// before the failed cell's reply goes out, so everything taken here was sent before the client could
    /// know about the error; the rest of the loop serves these messages afterwards.
    /// </summary>
    public void AbortQueuedExecutions()
    {
        while (channels.Shell.Poll(0) && channels.Shell.Receive() is { } queued) abortQueue.Enqueue(queued);
    }

    private void ServeLoop(KernelSocket socket)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!socket.Poll(100)) continue;
                var frames = socket.Receive();
                if (frames is null) return;
                Serve(socket, frames, abortExecute: false);
                if (socket == channels.Shell)
                    while (abortQueue.TryDequeue(out var queued)) Serve(socket, queued, abortExecute: true);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A transport hiccup on one message must not end the loop; log and keep serving.
                KernelLog.Error($"error serving {socket.Endpoint}", ex);
            }
        }
    }

    /// <summary>Decodes, dispatches and answers one request; the only place that publishes busy and idle.</summary>
    private void Serve(KernelSocket socket, List<byte[]> frames, bool abortExecute)
    {
        JupyterMessage request;
        try
        {
            request = channels.Codec.Decode(frames);
        }
        catch (InvalidDataException ex)
        {
            KernelLog.Warn($"dropped message on {socket.Endpoint}: {ex.Message}");
            return;
        }

        PublishStatus(KernelStatus.Busy, request);
        try
        {
            if (abortExecute && request.MsgType == "execute_request")
            {
                KernelLog.Info($"aborted queued execute_request {request.MsgId} after an error");
                channels.Send(socket, Messages.Create("execute_reply", new JsonObject { ["status"] = "aborted" }, request, routeToParent: true));
                return;
            }
            if (!handlers.TryGetValue(request.MsgType, out var handler))
            {
                KernelLog.Warn($"ignored unknown message type '{request.MsgType}'");
                return;
            }
            JsonObject? reply;
            try
            {
                reply = handler(new RequestContext(request, socket, this));
            }
            catch (Exception ex)
            {
                KernelLog.Error($"handler for {request.MsgType} failed", ex);
                reply = Replies.Error(ex.GetType().Name, ex.Message, [ex.ToString()]);
            }
            if (reply is not null)
                channels.Send(socket, Messages.Create(ReplyType(request.MsgType), reply, request, routeToParent: true));
        }
        finally
        {
            PublishStatus(KernelStatus.Idle, request);
        }
    }

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    /// <summary>Publishes an iopub message (thread-safe). Failures are logged: output must never kill the kernel.</summary>
    public void Publish(string msgType, JsonObject content, JupyterMessage? parent)
    {
        try
        {
            channels.Send(channels.Iopub, Messages.Create(msgType, content, parent));
        }
        catch (Exception ex)
        {
            KernelLog.Error($"cannot publish {msgType}", ex);
        }
    }

    private void PublishStatus(KernelStatus status, JupyterMessage? parent) =>
        Publish("status", new JsonObject { ["execution_state"] = status.ToWire() }, parent);

    public void Dispose()
    {
        stop.Cancel();
        channels.Dispose();
    }
}
