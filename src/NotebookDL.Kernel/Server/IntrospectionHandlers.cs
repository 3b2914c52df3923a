using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Server;

/// <summary>complete, inspect and is_complete: translate code-point cursors and delegate to the interpreter.</summary>
internal sealed class IntrospectionHandlers(IInterpreter interpreter)
{
    public JsonObject Complete(RequestContext context)
    {
        var code = (string?)context.Content["code"] ?? "";
        int cursor = CodePoints.ToUtf16(code, context.Content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        var result = interpreter.Complete(code, cursor);
        return Replies.Ok(new JsonObject
        {
            ["matches"] = new JsonArray([.. result.Matches.Select(m => (JsonNode?)m)]),
            ["cursor_start"] = CodePoints.FromUtf16(code, result.CursorStart),
            ["cursor_end"] = CodePoints.FromUtf16(code, result.CursorEnd),
            ["metadata"] = new JsonObject(),
        });
    }

    public JsonObject Inspect(RequestContext context)
    {
        var code = (string?)context.Content["code"] ?? "";
        int cursor = CodePoints.ToUtf16(code, context.Content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        int detail = context.Content["detail_level"]?.GetValue<int>() ?? 0;
        var result = interpreter.Inspect(code, cursor, detail);
        return Replies.Ok(new JsonObject
        {
            ["found"] = result.Found,
            ["data"] = result.Data is null ? new JsonObject() : MimeBundleJson.Data(result.Data),
            ["metadata"] = new JsonObject(),
        });
    }

    public JsonObject IsComplete(RequestContext context)
    {
        var result = interpreter.IsComplete((string?)context.Content["code"] ?? "");
        var reply = new JsonObject { ["status"] = result.Status.ToString().ToLowerInvariant() };
        if (result.Status == CompletenessStatus.Incomplete) reply["indent"] = result.Indent;
        return reply;
    }
}
