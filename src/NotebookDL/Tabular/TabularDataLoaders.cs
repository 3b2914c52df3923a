using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular;

/// <summary>
/// fastai's <c>TabularDataLoaders.from_df</c>: a frame split into training and validation rows, procs fitted on the
/// training rows, both sets encoded once into tensors and served in batches (training shuffled).
/// </summary>
public class TabularDataLoaders : DataLoaders
{
    private protected TabularDataLoaders(TabularProcessor processor, BatchLoader train, BatchLoader valid, IReadOnlyList<long> trainRows, IReadOnlyList<long> validRows)
        : base(train, valid, processor.YVocab is { } classes ? Vocab.InOrder(classes) : null)
    {
        (Processor, TrainRows, ValidRows) = (processor, trainRows, validRows);
    }

    /// <summary>The same loaders, for a subclass that adds its domain's view (collaborative filtering).</summary>
    private protected TabularDataLoaders(TabularDataLoaders other)
        : this(other.Processor, other.Train, other.Valid, other.TrainRows, other.ValidRows)
    {
    }

    public TabularProcessor Processor { get; }

    /// <summary>Rows of the source frame in the training set.</summary>
    public IReadOnlyList<long> TrainRows { get; }

    /// <summary>Rows of the source frame in the validation set.</summary>
    public IReadOnlyList<long> ValidRows { get; }

    /// <summary>Embedding cardinalities and continuous width, what <see cref="Architectures.TabularModel"/> is built from.</summary>
    public (IReadOnlyList<int> Cardinalities, int NCont) Shape => (Processor.Cardinalities, Processor.ContNames.Count);

    /// <param name="df">The data: one row per item.</param>
    /// <param name="procs">e.g. <c>[Procs.FillMissing, Procs.Categorify, Procs.Normalize]</c>.</param>
    /// <param name="catNames">Categorical columns (embedded).</param>
    /// <param name="contNames">Continuous columns.</param>
    /// <param name="yNames">Target column(s).</param>
    /// <param name="yBlock">Regression (default) or Category.</param>
    /// <param name="validIdx">Rows of the validation set (e.g. the last weeks, for a time series); a random
    /// <paramref name="validPct"/> of the rows when null.</param>
    /// <param name="validPct">Fraction of rows drawn for validation when <paramref name="validIdx"/> is null.</param>
    /// <param name="seed">Seed of that draw and of the training order; null picks a fresh one.</param>
    /// <param name="bs">Batch size.</param>
    /// <param name="yLog">Train on log(y) (regression; sales-like targets).</param>
    /// <param name="device">Where batches arrive.</param>
    public static TabularDataLoaders FromDataFrame(DataFrame df, IEnumerable<TabularProc> procs, IEnumerable<string> catNames,
        IEnumerable<string> contNames, IEnumerable<string> yNames, YBlock yBlock = YBlock.Regression, IEnumerable<long>? validIdx = null,
        double validPct = 0.2, int? seed = null, int bs = 64, bool yLog = false, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(df);
        var processor = new TabularProcessor(procs, catNames, contNames, yNames, yBlock, yLog);
        var n = (int)df.Rows.Count;
        if (n == 0) throw new ArgumentException("The data frame has no rows.", nameof(df));
        var seedValue = seed ?? Seeds.Fresh();
        var (train, valid) = Split(n, validIdx, validPct, seedValue);
        processor.Setup(df, train);
        var trainLoader = new BatchLoader(new TensorRowsDataset(processor.EncodeX(df, train), processor.EncodeY(df, train)), bs, shuffle: true, dropLast: true,
            numWorkers: 0, seed: seedValue, device: device);
        var validLoader = new BatchLoader(new TensorRowsDataset(processor.EncodeX(df, valid), processor.EncodeY(df, valid)), bs, numWorkers: 0, seed: seedValue, device: device);
        return new TabularDataLoaders(processor, trainLoader, validLoader, train, valid);
    }

    // Given rows, or the library's one random split (RandomSplitter) over the frame's rows.
    private static (long[] Train, long[] Valid) Split(int n, IEnumerable<long>? validIdx, double validPct, int seed)
    {
        long[] valid;
        if (validIdx is not null)
        {
            valid = [.. validIdx.Distinct().Order()];
            if (valid.FirstOrDefault(i => i < 0 || i >= n, -1) is var outside and not -1)
                throw new ArgumentOutOfRangeException(nameof(validIdx), outside, $"Validation row {outside} is outside the frame's {n} rows.");
        }
        else
        {
            valid = [.. new RandomSplitter(validPct, seed).Split(n).Valid.Select(i => (long)i).Order()];
        }
        var validSet = valid.ToHashSet();
        var train = Enumerable.Range(0, n).Select(i => (long)i).Where(i => !validSet.Contains(i)).ToArray();
        if (train.Length == 0) throw new ArgumentException($"The split leaves no training rows (all {n} rows are for validation).");
        return (train, valid);
    }

    /// <summary>The first <paramref name="n"/> training rows of one shuffled batch, decoded: categories as text, continuous values unnormalised, the target.</summary>
    public DataFrame ShowBatch(int n = 10)
    {
        using var batch = Train.OneBatch();
        var count = (int)Math.Min(n, batch.X.shape[0]);
        using var x = batch.X.narrow(0, 0, count);
        using var y = batch.Y.narrow(0, 0, count);
        var table = Processor.DecodeX(x);
        foreach (var column in DecodeY(y)) table.Columns.Add(column);
        return table;
    }

    private IEnumerable<DataFrameColumn> DecodeY(Tensor y)
    {
        if (Processor.YBlock == YBlock.Category)
        {
            var codes = y.data<long>().ToArray();
            yield return new StringDataFrameColumn(Processor.YNames[0], codes.Select(c => Processor.YVocab![(int)c]));
            yield break;
        }
        using var values = y.reshape(y.shape[0], -1).to(ScalarType.Float64);
        var k = Processor.YNames.Count;
        var data = values.data<double>().ToArray();
        for (var j = 0; j < k; j++)
            yield return new DoubleDataFrameColumn(Processor.YNames[j], Enumerable.Range(0, (int)y.shape[0]).Select(i =>
            {
                var v = Processor.YLog ? Math.Exp(data[i * k + j]) : data[i * k + j];
                return TabularProcessor.FromFloat32(v, Math.Abs(v));
            }));
    }
}
