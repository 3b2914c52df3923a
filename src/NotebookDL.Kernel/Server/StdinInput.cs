using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// Reads a line from the front end over the stdin channel: input_request to the client that sent the execute
/// request (same routing identity), then wait for its input_reply. Only the shell thread uses the stdin socket.
/// </summary>
internal sealed class StdinInput(RequestContext context, bool allowed) : IInputProvider
{
    public bool IsAllowed => allowed;

    public string ReadLine(string prompt, bool password)
    {
        if (!allowed)
            throw new InvalidOperationException("Console input is not available: this client does not accept input (allow_stdin is false).");
        var server = context.Server;
        var stdin = server.Channels.Stdin;
        var request = server.Messages.Create("input_request",
            new JsonObject { ["prompt"] = prompt, ["password"] = password }, context.Request, routeToParent: true);
        server.Channels.Send(stdin, request);
        while (true)
        {
            Cancellation.Check(); // an interrupt while waiting for the user ends the wait
            if (!stdin.Poll(100)) continue;
            var frames = stdin.Receive() ?? throw new OperationCanceledException("kernel is shutting down");
            JupyterMessage reply;
            try { reply = server.Channels.Codec.Decode(frames); }
            catch (InvalidDataException ex) { KernelLog.Warn($"dropped stdin message: {ex.Message}"); continue; }
            if (reply.MsgType != "input_reply") { KernelLog.Warn($"unexpected {reply.MsgType} on stdin"); continue; }
            return (string?)reply.Content["value"] ?? "";
        }
    }
}
