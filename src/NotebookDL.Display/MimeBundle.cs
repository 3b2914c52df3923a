namespace NotebookDL.Display;

/// <summary>
/// One object rendered for a notebook: MIME type -> content (text, or base64 for binary types such as
/// image/png; JSON text for application/*+json), plus per-type metadata (e.g. image width/height).
/// This is what Jupyter's display_data / execute_result carry, and nothing host-specific.
/// </summary>
public sealed class MimeBundle
{
    public const string TextPlain = "text/plain";
    public const string TextHtml = "text/html";
    public const string TextMarkdown = "text/markdown";
    public const string ImagePng = "image/png";
    public const string ImageSvg = "image/svg+xml";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>MIME type -> content. Always holds text/plain once built by a formatter.</summary>
    public Dictionary<string, string> Data { get; } = new(StringComparer.Ordinal);

    /// <summary>MIME type -> metadata object (serialised as JSON by the host).</summary>
    public Dictionary<string, object> Metadata { get; } = new(StringComparer.Ordinal);

    public MimeBundle() { }

    public MimeBundle(string mimeType, string content) => Data[mimeType] = content;

    public static MimeBundle PlainText(string text) => new(TextPlain, text);

    public MimeBundle With(string mimeType, string content)
    {
        Data[mimeType] = content;
        return this;
    }

    /// <summary>Removes every representation but <paramref name="mimeTypes"/> and text/plain (which a bundle always has).</summary>
    public void KeepOnly(IReadOnlyCollection<string> mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        foreach (var mime in Data.Keys.ToList())
        {
            if (mime == TextPlain || mimeTypes.Contains(mime, StringComparer.Ordinal)) continue;
            Data.Remove(mime);
            Metadata.Remove(mime);
        }
    }
}
