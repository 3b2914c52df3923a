namespace NotebookDL.Display.Formatting;

/// <summary>
/// A bundle as one HTML fragment, for hosts that keep a single rich part per value (.NET Interactive declares the
/// MIME types up front and emits an empty part for any its formatter declines, so it is given HTML always).
/// </summary>
public static class SingleHtml
{
    /// <summary>The bundle's HTML, else its SVG inline, else its PNG as an img, else its text in a pre.</summary>
    public static string ToSingleHtml(this MimeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var data = bundle.Data;
        if (data.TryGetValue(MimeBundle.TextHtml, out var html)) return html;
        if (data.TryGetValue(MimeBundle.ImageSvg, out var svg)) return svg;
        if (data.TryGetValue(MimeBundle.ImagePng, out var png))
        {
            var size = bundle.Metadata.TryGetValue(MimeBundle.ImagePng, out var meta) && meta is IDictionary<string, object> m
                && m.TryGetValue("width", out var w) && m.TryGetValue("height", out var h)
                ? $" width=\"{w}\" height=\"{h}\""
                : "";
            return $"<img src=\"data:image/png;base64,{png}\"{size} />";
        }
        return $"<pre>{Html.Escape(data.GetValueOrDefault(MimeBundle.TextPlain))}</pre>";
    }
}
