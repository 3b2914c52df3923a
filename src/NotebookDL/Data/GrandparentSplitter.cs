namespace NotebookDL.Data;

/// <summary>
/// Splits by the name of each file's grandparent folder: <c>train/cat/1.png</c> is training,
/// <c>valid/cat/2.png</c> validation (fastai's GrandparentSplitter). Files under neither are left out.
/// </summary>
public sealed class GrandparentSplitter(string train = "train", string valid = "valid") : ISplitter
{
    public string TrainName { get; } = train;
    public string ValidName { get; } = valid;

    public (int[] Train, int[] Valid) Split(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var trainIdx = new List<int>();
        var validIdx = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var grandparent = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(items[i])));
            if (grandparent == TrainName) trainIdx.Add(i);
            else if (grandparent == ValidName) validIdx.Add(i);
        }
        return (trainIdx.ToArray(), validIdx.ToArray());
    }
}
