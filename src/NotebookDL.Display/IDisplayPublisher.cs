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
}
