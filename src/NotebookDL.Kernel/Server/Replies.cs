using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Server;

/// <summary>Common reply content shapes.</summary>
internal static class Replies
{
    /// <summary>{"status": "ok"} plus the given fields.</summary>
    public static JsonObject Ok(JsonObject? fields = null)
    {
        var reply = fields ?? [];
        reply["status"] = "ok";
        return reply;
    }

    /// <summary>An error reply (also the shape of an error iopub message without execution_count).</summary>
    public static JsonObject Error(string name, string value, IEnumerable<string> traceback) => new()
    {
        ["status"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray([.. traceback.Select(line => (JsonNode?)line)]),
    };
}
