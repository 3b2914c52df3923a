using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>What a handler gets: the request, the channel it came in on, and a way to publish on iopub.</summary>
internal sealed class RequestContext(JupyterMessage request, KernelSocket channel, KernelServer server)
{
    public JupyterMessage Request { get; } = request;
    public JsonObject Content => Request.Content;
    public KernelSocket Channel { get; } = channel;
    public KernelServer Server { get; } = server;

    /// <summary>Publishes an iopub message whose parent is this request.</summary>
    public void Publish(string msgType, JsonObject content) => Server.Publish(msgType, content, Request);
}
