using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NotebookDL.Kernel.Transport;

/// <summary>The connection file Jupyter writes before launching the kernel: ports, transport, signing key.</summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>Reads and validates a connection file.</summary>
    public static ConnectionInfo Load(string path)
    {
        // Read as a JSON tree, not through JsonSerializer: its reflection metadata costs tens of milliseconds of
        // start-up for nine fields.
        var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new InvalidDataException($"Connection file {path} is empty or not a JSON object.");
        var info = new ConnectionInfo
        {
            Transport = (string?)json["transport"] ?? "tcp",
            Ip = (string?)json["ip"] ?? "127.0.0.1",
            ShellPort = Port(json, "shell_port", path),
            ControlPort = Port(json, "control_port", path),
            IopubPort = Port(json, "iopub_port", path),
            StdinPort = Port(json, "stdin_port", path),
            HeartbeatPort = Port(json, "hb_port", path),
            Key = (string?)json["key"] ?? "",
            SignatureScheme = (string?)json["signature_scheme"] ?? "hmac-sha256",
        };
        if (!string.IsNullOrEmpty(info.Key) && info.SignatureScheme != "hmac-sha256")
            throw new NotSupportedException($"Signature scheme '{info.SignatureScheme}' is not supported; use hmac-sha256.");
        return info;
    }

    private static int Port(JsonObject json, string name, string path) => json[name] switch
    {
        null => 0,
        JsonValue v when v.TryGetValue(out int port) => port,
        var other => throw new InvalidDataException($"Connection file {path}: \"{name}\" is {other.ToJsonString()}, not a port number."),
    };

    /// <summary>The ZeroMQ endpoint for <paramref name="port"/> ("tcp://ip:port", or "ipc://ip-port" for ipc).</summary>
    public string Endpoint(int port) =>
        Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}
