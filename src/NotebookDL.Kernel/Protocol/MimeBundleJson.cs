using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookDL.Display;

namespace NotebookDL.Kernel.Protocol;

/// <summary>Writes a <see cref="MimeBundle"/> as the "data"/"metadata" pair of display messages.</summary>
public static class MimeBundleJson
{
    /// <summary>
    /// MIME type -> content. JSON MIME types (application/json, application/*+json) are embedded as JSON values,
    /// because front ends (Plotly's renderer, for one) expect an object there, not a string.
    /// </summary>
    public static JsonObject Data(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in bundle.Data)
            data[mime] = IsJsonMime(mime) ? ParseOrString(content) : content;
        return data;
    }

    /// <summary>MIME type -> metadata object.</summary>
    public static JsonObject Metadata(MimeBundle bundle)
    {
        var metadata = new JsonObject();
        foreach (var (mime, value) in bundle.Metadata)
            metadata[mime] = value as JsonNode ?? JsonSerializer.SerializeToNode(value);
        return metadata;
    }

    private static bool IsJsonMime(string mime) =>
        mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    private static JsonNode? ParseOrString(string content)
    {
        try { return JsonNode.Parse(content); }
        catch (JsonException) { return content; }
    }
}
