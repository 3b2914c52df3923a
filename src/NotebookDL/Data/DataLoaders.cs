using NotebookDL.Learning.Data;

namespace NotebookDL.Data;

/// <summary>
/// The training and validation loaders of one task plus what a model needs to know about it: the class
/// <see cref="Vocab"/> and count <see cref="C"/>, the batch size and device.
/// </summary>
public sealed class DataLoaders : IDataLoaders
{
    public DataLoaders(DataLoader train, DataLoader valid, Vocab? vocab = null, string? path = null)
    {
        Train = train ?? throw new ArgumentNullException(nameof(train));
        Valid = valid ?? throw new ArgumentNullException(nameof(valid));
        Vocab = vocab;
        Path = path;
    }

    public DataLoader Train { get; }
    public DataLoader Valid { get; }

    /// <summary>Class names (index = model output), or null for regression.</summary>
    public Vocab? Vocab { get; }

    /// <summary>The dataset folder (where a learner saves models by default), if any.</summary>
    public string? Path { get; }

    /// <summary>Number of classes (0 without a vocab).</summary>
    public int C => Vocab?.Count ?? 0;

    /// <summary>Training batch size.</summary>
    public int Bs => Train.Bs;

    /// <summary>Where both loaders put their batches.</summary>
    public Device Device
    {
        get => Train.Device;
        set
        {
            Train.Device = value;
            Valid.Device = value;
        }
    }

    IDataLoader IDataLoaders.Train => Train;
    IDataLoader IDataLoaders.Valid => Valid;
    IReadOnlyList<string>? IDataLoaders.Vocab => Vocab;

    /// <summary>A training batch (see <see cref="DataLoader.OneBatch"/>); the caller owns it.</summary>
    public Batch OneBatch() => Train.OneBatch();

    /// <summary>Appends <paramref name="transform"/> to both loaders' batch transforms and returns this.</summary>
    public DataLoaders Add(IBatchTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        Train.BatchTransforms.Add(transform);
        Valid.BatchTransforms.Add(transform);
        return this;
    }

    public override string ToString() =>
        $"DataLoaders: train {Train.Dataset.Count} items ({Train.Count} batches), valid {Valid.Dataset.Count} items ({Valid.Count} batches), bs {Bs}" +
        (Vocab is null ? "" : $", {C} classes");
}
