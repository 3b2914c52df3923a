using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>Builds kernel-originated messages with a fresh header and the request as parent.</summary>
public sealed class MessageFactory(string session)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The kernel's session id, stamped on every header it sends.</summary>
    public string Session { get; } = session;

    /// <summary>A new header for <paramref name="msgType"/>.</summary>
    public JsonObject Header(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = Session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>A message answering or caused by <paramref name="parent"/>; identities are copied for replies.</summary>
    public JupyterMessage Create(string msgType, JsonObject content, JupyterMessage? parent, bool routeToParent = false) => new()
    {
        Identities = routeToParent && parent is not null ? [.. parent.Identities] : [],
        Header = Header(msgType),
        ParentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };
}
