using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// Converts between <see cref="JupyterMessage"/> and ZeroMQ frames:
/// <c>[identities..., "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers...]</c>.
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>Serialises and signs a message.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        var header = Json(message.Header);
        var parent = Json(message.ParentHeader);
        var metadata = Json(message.Metadata);
        var content = Json(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Parses and verifies frames. Throws <see cref="InvalidDataException"/> when the message is malformed or its
    /// signature is wrong; the caller logs and drops it.
    /// </summary>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) throw new InvalidDataException("no <IDS|MSG> delimiter");
        if (frames.Count < delimiter + 6) throw new InvalidDataException($"expected 5 frames after the delimiter, got {frames.Count - delimiter - 1}");

        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        byte[] header = frames[delimiter + 2], parent = frames[delimiter + 3], metadata = frames[delimiter + 4], content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
            throw new InvalidDataException("bad HMAC signature");

        var headerObj = ParseObject(header, "header");
        if (headerObj["msg_type"] is null) throw new InvalidDataException("header has no msg_type");
        return new JupyterMessage
        {
            Identities = [.. frames.Take(delimiter)],
            Header = headerObj,
            ParentHeader = ParseObject(parent, "parent_header"),
            Metadata = ParseObject(metadata, "metadata"),
            Content = ParseObject(content, "content"),
            Buffers = [.. frames.Skip(delimiter + 6)],
        };
    }

    // Written by the node itself: JsonSerializer would first build its reflection metadata, tens of milliseconds
    // that the kernel's first reply (kernel_info, what start-up is timed by) would pay.
    private static byte[] Json(JsonObject obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) obj.WriteTo(writer);
        return buffer.ToArray();
    }

    private static JsonObject ParseObject(byte[] bytes, string part)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new InvalidDataException($"{part} is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{part} is not valid JSON: {ex.Message}", ex);
        }
    }
}
