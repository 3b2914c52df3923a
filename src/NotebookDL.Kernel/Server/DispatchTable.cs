using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Server;

/// <summary>The one map from msg_type to handler, for shell and control alike.</summary>
internal static class DispatchTable
{
    public static IReadOnlyDictionary<string, RequestHandler> Build(IInterpreter interpreter)
    {
        var history = new ExecutionHistory();
        var execute = new ExecuteHandler(interpreter, history);
        var introspection = new IntrospectionHandlers(interpreter);
        return new Dictionary<string, RequestHandler>(StringComparer.Ordinal)
        {
            ["execute_request"] = execute.Handle,
            ["kernel_info_request"] = KernelInfo.Handle,
            ["complete_request"] = introspection.Complete,
            ["inspect_request"] = introspection.Inspect,
            ["is_complete_request"] = introspection.IsComplete,
            ["history_request"] = history.Handle,
            ["comm_info_request"] = _ => Replies.Ok(new() { ["comms"] = new System.Text.Json.Nodes.JsonObject() }),
            ["comm_open"] = CommsNotSupported,
            ["shutdown_request"] = ControlHandlers.Shutdown,
            ["interrupt_request"] = ControlHandlers.Interrupt,
        };
    }

    /// <summary>No comm targets are registered: log and send nothing (the spec says to ignore unknown targets).</summary>
    private static System.Text.Json.Nodes.JsonObject? CommsNotSupported(RequestContext context)
    {
        KernelLog.Info($"comm_open for target '{(string?)context.Content["target_name"]}' ignored: no comm targets");
        return null;
    }
}
