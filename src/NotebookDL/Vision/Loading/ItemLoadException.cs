namespace NotebookDL.Vision;

/// <summary>An item failed while a loader was decoding or transforming it; names the file and wraps the cause.</summary>
public sealed class ItemLoadException : Exception
{
    public ItemLoadException(string filePath, int index, Exception inner)
        : base($"Loading item {index} ('{filePath}') failed: {inner.Message}", inner)
    {
        FilePath = filePath;
        Index = index;
    }

    public string FilePath { get; }
    public int Index { get; }
}
