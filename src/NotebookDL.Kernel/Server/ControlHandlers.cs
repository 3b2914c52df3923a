using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Server;

/// <summary>Requests that act on the kernel process itself (normally sent on the control channel).</summary>
internal static class ControlHandlers
{
    /// <summary>Acknowledges and stops the loops; a restart is done by the client, which starts a new process.</summary>
    public static JsonObject Shutdown(RequestContext context)
    {
        bool restart = context.Content["restart"]?.GetValue<bool>() ?? false;
        KernelLog.Info($"shutdown requested (restart={restart})");
        context.Server.RequestStop();
        return Replies.Ok(new JsonObject { ["restart"] = restart });
    }

    /// <summary>Stops the running cell at its next cancellation check.</summary>
    public static JsonObject Interrupt(RequestContext context)
    {
        KernelLog.Info("interrupt requested");
        context.Server.Interpreter.Interrupt();
        return Replies.Ok();
    }
}
