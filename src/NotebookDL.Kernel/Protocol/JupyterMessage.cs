using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// One Jupyter message as it travels between client and kernel: the routing identities (ROUTER sockets
/// prefix them), the four JSON parts and optional binary buffers.
/// </summary>
public sealed class JupyterMessage
{
    public List<byte[]> Identities { get; init; } = [];
    public required JsonObject Header { get; init; }
    public JsonObject ParentHeader { get; init; } = [];
    public JsonObject Metadata { get; init; } = [];
    public JsonObject Content { get; init; } = [];
    public List<byte[]> Buffers { get; init; } = [];

    /// <summary>The message type from the header, e.g. "execute_request".</summary>
    public string MsgType => (string?)Header["msg_type"] ?? "";

    /// <summary>The message id from the header.</summary>
    public string MsgId => (string?)Header["msg_id"] ?? "";
}
