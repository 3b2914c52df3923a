using System.Text.Json;
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
        var info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"Connection file {path} is empty.");
        if (!string.IsNullOrEmpty(info.Key) && info.SignatureScheme != "hmac-sha256")
            throw new NotSupportedException($"Signature scheme '{info.SignatureScheme}' is not supported; use hmac-sha256.");
        return info;
    }

    /// <summary>The ZeroMQ endpoint for <paramref name="port"/> ("tcp://ip:port", or "ipc://ip-port" for ipc).</summary>
    public string Endpoint(int port) =>
        Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}
