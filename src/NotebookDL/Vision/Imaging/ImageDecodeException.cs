namespace NotebookDL.Vision;

/// <summary>A file that exists but could not be decoded as an image (corrupt, truncated or an unsupported format).</summary>
public sealed class ImageDecodeException : IOException
{
    public ImageDecodeException(string filePath, string reason)
        : base($"Could not decode image '{filePath}': {reason}.")
    {
        FilePath = filePath;
        Reason = reason;
    }

    /// <summary>The file (or the name given for in-memory data) that failed.</summary>
    public string FilePath { get; }

    /// <summary>The decoder's reason, e.g. stb_image's "bad png sig" or "unknown image type".</summary>
    public string Reason { get; }
}
