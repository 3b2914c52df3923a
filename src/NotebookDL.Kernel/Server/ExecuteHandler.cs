using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Server;

/// <summary>execute_request: execution counting, execute_input, history, then the interpreter.</summary>
internal sealed class ExecuteHandler(IInterpreter interpreter, ExecutionHistory history)
{
    private int executionCount;

    public JsonObject Handle(RequestContext context)
    {
        var c = context.Content;
        var code = (string?)c["code"] ?? "";
        bool silent = c["silent"]?.GetValue<bool>() ?? false;
        // The spec: silent implies store_history = false.
        bool storeHistory = !silent && (c["store_history"]?.GetValue<bool>() ?? true);
        bool allowStdin = c["allow_stdin"]?.GetValue<bool>() ?? true;

        if (storeHistory) executionCount++;
        if (!silent) context.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = executionCount });
        if (storeHistory) history.Add(executionCount, code);

        var request = new ExecuteRequest(code, executionCount, silent, UserExpressions(c["user_expressions"] as JsonObject));
        var outcome = interpreter.Execute(request, new IopubOutput(context, silent), new StdinInput(context, allowStdin));

        if (outcome.Error is { } error)
        {
            if (!silent && (c["stop_on_error"]?.GetValue<bool>() ?? true)) context.Server.AbortQueuedExecutions();
            var reply = Replies.Error(error.Name, error.Value, error.Traceback);
            reply["execution_count"] = executionCount;
            reply["user_expressions"] = new JsonObject();
            return reply;
        }
        return Replies.Ok(new JsonObject
        {
            ["execution_count"] = executionCount,
            ["user_expressions"] = ExpressionsJson(outcome.UserExpressions),
            ["payload"] = Payload(outcome.Pages),
        });
    }

    /// <summary>Pager text as the spec's payload entries: <c>{"source": "page", "data": {...}, "start": 0}</c>.</summary>
    private static JsonArray Payload(IReadOnlyList<NotebookDL.Display.MimeBundle> pages) =>
        new(pages.Select(page => (JsonNode?)new JsonObject
        {
            ["source"] = "page",
            ["data"] = MimeBundleJson.Data(page),
            ["start"] = 0,
        }).ToArray());

    private static Dictionary<string, string>? UserExpressions(JsonObject? json) =>
        json?.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "");

    /// <summary>Each expression becomes a display-like dict (status ok, data, metadata) or an error dict.</summary>
    private static JsonObject ExpressionsJson(IReadOnlyDictionary<string, ExpressionResult> results)
    {
        var json = new JsonObject();
        foreach (var (name, result) in results)
        {
            json[name] = result.Error is { } e
                ? Replies.Error(e.Name, e.Value, e.Traceback)
                : Replies.Ok(new JsonObject
                {
                    ["data"] = MimeBundleJson.Data(result.Value!),
                    ["metadata"] = MimeBundleJson.Metadata(result.Value!),
                });
        }
        return json;
    }
}
