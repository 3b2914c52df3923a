namespace NotebookDL.Display;

/// <summary>
/// The fallback used when no host is attached: writes the text/plain part of each bundle as a line.
/// A console cannot replace earlier output, so <see cref="Update"/> simply writes again.
/// </summary>
public sealed class ConsolePublisher : IDisplayPublisher
{
    private readonly TextWriter? writer;
    private readonly object gate = new();

    /// <summary>Writes to <paramref name="writer"/>, or to the current <see cref="Console.Out"/> when null.</summary>
    public ConsolePublisher(TextWriter? writer = null) => this.writer = writer;

    /// <summary>A publisher over whatever <see cref="Console.Out"/> is at the time of each write.</summary>
    public static ConsolePublisher Instance { get; } = new();

    public void Publish(MimeBundle bundle, string? displayId) => Write(bundle);

    public void Update(MimeBundle bundle, string displayId) => Write(bundle);

    private void Write(MimeBundle bundle)
    {
        var text = bundle.Data.TryGetValue(MimeBundle.TextPlain, out var plain) ? plain : "";
        lock (gate)
        {
            (writer ?? Console.Out).WriteLine(text);
        }
    }
}
