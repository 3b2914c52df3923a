namespace NotebookDL.Data;

/// <summary>
/// The training and validation loaders of one task plus what a model needs to know about it: the class
/// <see cref="Vocab"/> and count <see cref="C"/>, the batch size and device. Every domain's loaders (images, tabular,
/// collab, text) are these, with the domain's own decoding added by a subclass.
/// </summary>
public class DataLoaders : IDataLoaders
{
    public DataLoaders(BatchLoader train, BatchLoader valid, Vocab? vocab = null, string? path = null)
    {
        Train = train ?? throw new ArgumentNullException(nameof(train));
        Valid = valid ?? throw new ArgumentNullException(nameof(valid));
        Vocab = vocab;
        Path = path;
    }

    public BatchLoader Train { get; }
    public BatchLoader Valid { get; }

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

    /// <summary>
    /// Loaders over in-memory tensors (first dimension = items): the training set shuffled each epoch without its last
    /// partial batch (unless <paramref name="shuffle"/> is false), validation in order.
    /// </summary>
    /// <param name="xTrain">Training inputs (n, ...); borrowed, not copied: keep them alive while the loaders are used.</param>
    /// <param name="yTrain">Training targets (n, ...).</param>
    /// <param name="xValid">Validation inputs (m, ...).</param>
    /// <param name="yValid">Validation targets (m, ...).</param>
    /// <param name="bs">Batch size of both loaders.</param>
    /// <param name="shuffle">Shuffle the training set each epoch and drop its last partial batch (fastai's training loader).</param>
    /// <param name="seed">Shuffle seed; null picks a fresh one.</param>
    /// <param name="vocab">Class names for classification targets, if any.</param>
    /// <param name="device">Where batches arrive.</param>
    public static DataLoaders FromTensors(Tensor xTrain, Tensor yTrain, Tensor xValid, Tensor yValid, int bs = 64, bool shuffle = true, int? seed = null,
        IReadOnlyList<string>? vocab = null, Device? device = null)
    {
        var train = new BatchLoader(new TensorRowsDataset(xTrain, yTrain), bs, shuffle, dropLast: shuffle, numWorkers: 0, seed: seed, device: device, training: true);
        var valid = new BatchLoader(new TensorRowsDataset(xValid, yValid), bs, numWorkers: 0, seed: train.Seed, device: device);
        return new DataLoaders(train, valid, vocab is null ? null : Vocab.InOrder(vocab));
    }

    /// <summary>Loaders with no items, for a learner that only predicts (a loaded export).</summary>
    public static DataLoaders Empty(IReadOnlyList<string>? vocab) => new(EmptyLoader(), EmptyLoader(), vocab is null ? null : Vocab.InOrder(vocab));

    /// <summary>A loader with no items (a loaded learner's data until the user attaches real data).</summary>
    private protected static BatchLoader EmptyLoader() => new(EmptyDataset.Instance, numWorkers: 0, seed: 0);

    private sealed class EmptyDataset : IDataset
    {
        public static readonly EmptyDataset Instance = new();

        public int Count => 0;

        public long LabelOf(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "The dataset is empty.");

        public Batch GetBatch(int[] indices, BatchContext context) => throw new InvalidOperationException("The dataset is empty.");
    }

    /// <summary>A training batch (see <see cref="BatchLoader.OneBatch"/>); the caller owns it.</summary>
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
