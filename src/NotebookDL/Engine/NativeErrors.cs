namespace NotebookDL.Engine;

/// <summary>
/// libtorch's error messages as PyTorch shows them. TorchSharp passes on the whole C++ <c>what()</c>: the message, then
/// "Exception raised from ... (most recent call first):" and a screen of <c>frame #N: c10::Error::Error(...)</c> lines.
/// PyTorch prints only the message (<c>RuntimeError: shape '[4, -1, 5]' is invalid for input of size 6</c>); the
/// hosts and NotebookDL's own exceptions print that, and keep the frames in the exception's
/// <see cref="Exception.Data"/> under <see cref="FramesKey"/> for whoever needs them.
/// </summary>
public static class NativeErrors
{
    /// <summary>The <see cref="Exception.Data"/> key of the C++ frames taken off a message.</summary>
    public const string FramesKey = "NotebookDL.NativeFrames";

    private static readonly string[] FrameStarts = ["Exception raised from ", "frame #0: "];

    /// <summary>The message without libtorch's C++ frames (unchanged when it has none); the frames go to
    /// <paramref name="exception"/>'s Data.</summary>
    public static string Message(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (message, frames) = Split(exception.Message);
        if (frames is not null && !exception.Data.Contains(FramesKey))
        {
            try { exception.Data[FramesKey] = frames; }
            catch (NotSupportedException) { } // a read-only Data: the message is what matters
        }
        return message;
    }

    /// <summary>Splits libtorch's text into the message and the C++ frames (null when there are none).</summary>
    public static (string Message, string? Frames) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = -1;
        foreach (var start in FrameStarts)
        {
            var at = text.IndexOf(start, StringComparison.Ordinal);
            // Only at the start of a line: a user's own message may quote the words.
            while (at > 0 && text[at - 1] != '\n') at = text.IndexOf(start, at + 1, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut)) cut = at;
        }
        return cut < 0 ? (text, null) : (text[..cut].TrimEnd(), text[cut..]);
    }
}
