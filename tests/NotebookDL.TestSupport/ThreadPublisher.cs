using NotebookDL.Display;

namespace NotebookDL.TestSupport;

/// <summary>
/// Records what the creating thread displays. The display slot is process-wide and tests run in parallel, so a test
/// that counts displays must not count another test's progress bars.
/// </summary>
public sealed class ThreadPublisher : IDisplayPublisher
{
    private readonly int thread = Environment.CurrentManagedThreadId;

    /// <summary>Bundles published (not updates) from the creating thread.</summary>
    public List<MimeBundle> Published { get; } = [];

    public void Publish(MimeBundle bundle, string? displayId)
    {
        if (Environment.CurrentManagedThreadId == thread) Published.Add(bundle);
    }

    public void Update(MimeBundle bundle, string displayId) { }
}
