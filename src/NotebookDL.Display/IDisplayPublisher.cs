namespace NotebookDL.Display;

/// <summary>
/// Where displays go. A host (the Jupyter kernel, the .NET Interactive adapter, a console) installs one in
/// <see cref="DisplayContext.Publisher"/>; library code never knows which host it runs in.
/// </summary>
public interface IDisplayPublisher
{
    /// <summary>Show a bundle. <paramref name="displayId"/> lets later <see cref="Update"/> calls replace it in place.</summary>
    void Publish(MimeBundle bundle, string? displayId);

    /// <summary>Replace the content of an earlier display with the same id (Jupyter update_display_data).</summary>
    void Update(MimeBundle bundle, string displayId);

    /// <summary>
    /// Clear the current cell's output (Jupyter clear_output). With <paramref name="wait"/> the front end clears
    /// only when the next output arrives, so an animation does not flicker. A default body, because a host that
    /// cannot erase (a console) has nothing to do and existing publishers keep compiling.
    /// </summary>
    void ClearOutput(bool wait) { }
}
