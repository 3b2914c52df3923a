namespace NotebookDL.Data;

/// <summary>Decides which items are for training and which for validation (fastai's splitters).</summary>
public interface ISplitter
{
    /// <summary>Indices into <paramref name="items"/> of the training and the validation items.</summary>
    (int[] Train, int[] Valid) Split(IReadOnlyList<string> items);
}
