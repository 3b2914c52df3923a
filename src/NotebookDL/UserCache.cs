namespace NotebookDL;

/// <summary>
/// Where NotebookDL keeps what it makes once and reuses (exported data sets, converted weights): ~/.cache/notebookdl
/// on every OS. The kernel's log and the extension's libstdc++ copy honour $XDG_CACHE_HOME instead (their own rule).
/// </summary>
internal static class UserCache
{
    /// <summary>~/.cache/notebookdl/<paramref name="parts"/>.</summary>
    public static string Folder(params string[] parts) =>
        Path.Combine([Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "notebookdl", .. parts]);
}
