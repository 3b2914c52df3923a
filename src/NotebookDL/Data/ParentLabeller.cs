namespace NotebookDL.Data;

/// <summary>Labels a file by its parent folder's name: <c>train/cat/1.png</c> is "cat" (fastai's parent_label).</summary>
public sealed class ParentLabeller : ILabeller
{
    public static readonly ParentLabeller Instance = new();

    public string Label(string item) =>
        Path.GetFileName(Path.GetDirectoryName(item)) is { Length: > 0 } parent
            ? parent
            : throw new ArgumentException($"'{item}' has no parent folder to take a label from.", nameof(item));
}
