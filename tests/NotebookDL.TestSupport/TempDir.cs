namespace NotebookDL.TestSupport;

/// <summary>A fresh temporary directory, deleted (with everything in it) on <see cref="Dispose"/>.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "nbdl-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside this directory.</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
