namespace NotebookDL.Display;

/// <summary>
/// A display that can be replaced in place (Jupyter update_display_data). Returned by
/// <see cref="Displayer.Display"/>; it remembers the publisher it was shown on, so updates reach the same
/// output even if the host swaps publishers later.
/// </summary>
public sealed class DisplayHandle
{
    private readonly IDisplayPublisher publisher;

    internal DisplayHandle(string displayId, IDisplayPublisher publisher)
    {
        DisplayId = displayId;
        this.publisher = publisher;
    }

    /// <summary>The Jupyter display id shared by the original display and every update.</summary>
    public string DisplayId { get; }

    /// <summary>Formats <paramref name="value"/> and replaces the displayed content with it.</summary>
    public void Update(object? value) => UpdateBundle(Formatter.Format(value));

    /// <summary>Replaces the displayed content with an already built bundle.</summary>
    public void UpdateBundle(MimeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        publisher.Update(bundle, DisplayId);
    }
}
