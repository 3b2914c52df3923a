using System.Text.Json.Nodes;
using NotebookDL.Display;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Server;

/// <summary>Turns interpreter output into iopub messages parented to one execute_request.</summary>
internal sealed class IopubOutput(RequestContext context, bool silent) : IOutputPublisher
{
    public void Stream(string name, string text) =>
        context.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text });

    public void Display(MimeBundle bundle, string? displayId) =>
        context.Publish("display_data", DisplayContent(bundle, displayId));

    public void UpdateDisplay(MimeBundle bundle, string displayId) =>
        context.Publish("update_display_data", DisplayContent(bundle, displayId));

    public void ClearOutput(bool wait) =>
        context.Publish("clear_output", new JsonObject { ["wait"] = wait });

    public void ExecuteResult(int executionCount, MimeBundle bundle)
    {
        if (silent) return; // the protocol: silent executions publish no result
        context.Publish("execute_result", new JsonObject
        {
            ["execution_count"] = executionCount,
            ["data"] = MimeBundleJson.Data(bundle),
            ["metadata"] = MimeBundleJson.Metadata(bundle),
        });
    }

    public void Error(ErrorInfo error)
    {
        var content = Replies.Error(error.Name, error.Value, error.Traceback);
        content.Remove("status");
        context.Publish("error", content);
    }

    private static JsonObject DisplayContent(MimeBundle bundle, string? displayId)
    {
        var content = new JsonObject
        {
            ["data"] = MimeBundleJson.Data(bundle),
            ["metadata"] = MimeBundleJson.Metadata(bundle),
            ["transient"] = new JsonObject(),
        };
        if (displayId is not null) content["transient"]!["display_id"] = displayId;
        return content;
    }
}
