namespace NotebookDL.Display;

/// <summary>Shows values through the active <see cref="DisplayContext.Publisher"/> (or the console fallback).</summary>
public static class Displayer
{
    /// <summary>Formats <paramref name="value"/> with <see cref="Formatter.Format"/> and publishes it with a fresh display id;
    /// with <paramref name="mimeTypes"/>, only those representations (and text/plain) are sent.</summary>
    public static DisplayHandle Display(object? value, params string[] mimeTypes)
    {
        var bundle = Formatter.Format(value);
        if (mimeTypes is { Length: > 0 }) bundle.KeepOnly(mimeTypes);
        return DisplayBundle(bundle);
    }

    /// <summary>Publishes an already built bundle with a fresh display id.</summary>
    public static DisplayHandle DisplayBundle(MimeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var publisher = DisplayContext.Publisher ?? ConsolePublisher.Instance;
        var handle = new DisplayHandle(NewDisplayId(), publisher);
        publisher.Publish(bundle, handle.DisplayId);
        return handle;
    }

    /// <summary>
    /// Clears the cell's output so far (cells call it as <c>ClearOutput()</c>); <paramref name="wait"/> defers the
    /// clearing until the next output arrives.
    /// </summary>
    public static void ClearOutput(bool wait = false) => (DisplayContext.Publisher ?? ConsolePublisher.Instance).ClearOutput(wait);

    /// <summary>A new unique display id (what Jupyter expects in transient.display_id).</summary>
    public static string NewDisplayId() => Guid.NewGuid().ToString("N");
}
