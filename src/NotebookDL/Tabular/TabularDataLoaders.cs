using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Learning.Data;

namespace NotebookDL.Tabular;

/// <summary>
/// fastai's <c>TabularDataLoaders.from_df</c>: a frame split into training and validation rows, procs fitted on the
/// training rows, both sets encoded once into tensors and served in batches (training shuffled).
/// </summary>
public sealed class TabularDataLoaders : IDataLoaders
{
    private TabularDataLoaders(TabularProcessor processor, TensorDataLoader train, TensorDataLoader valid, long[] trainRows, long[] validRows)
    {
        (Processor, Train, Valid, TrainRows, ValidRows) = (processor, train, valid, trainRows, validRows);
    }

    public TabularProcessor Processor { get; }

    public IDataLoader Train { get; }

    public IDataLoader Valid { get; }

    /// <summary>Rows of the source frame in the training set.</summary>
    public IReadOnlyList<long> TrainRows { get; }

    /// <summary>Rows of the source frame in the validation set.</summary>
    public IReadOnlyList<long> ValidRows { get; }

    public IReadOnlyList<string>? Vocab => Processor.YVocab;

    /// <summary>Embedding cardinalities and continuous width, what <see cref="Models.TabularModel"/> is built from.</summary>
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
    /// <param name="seed">Seed of that draw and of the training order.</param>
    /// <param name="bs">Batch size.</param>
    /// <param name="yLog">Train on log(y) (regression; sales-like targets).</param>
    public static TabularDataLoaders FromDataFrame(DataFrame df, IEnumerable<TabularProc> procs, IEnumerable<string> catNames,
        IEnumerable<string> contNames, IEnumerable<string> yNames, YBlock yBlock = YBlock.Regression, IEnumerable<long>? validIdx = null,
        double validPct = 0.2, int seed = 42, int bs = 64, bool yLog = false)
    {
        ArgumentNullException.ThrowIfNull(df);
        var processor = new TabularProcessor(procs, catNames, contNames, yNames, yBlock, yLog);
        var n = df.Rows.Count;
        if (n == 0) throw new ArgumentException("The data frame has no rows.", nameof(df));
        var (train, valid) = Split(n, validIdx, validPct, seed);
        processor.Setup(df, train);
        var trainLoader = new TensorDataLoader(processor.EncodeX(df, train), processor.EncodeY(df, train), bs, shuffle: true, seed);
        var validLoader = new TensorDataLoader(processor.EncodeX(df, valid), processor.EncodeY(df, valid), bs);
        return new TabularDataLoaders(processor, trainLoader, validLoader, train, valid);
    }

    private static (long[] Train, long[] Valid) Split(long n, IEnumerable<long>? validIdx, double validPct, int seed)
    {
        HashSet<long> valid;
        if (validIdx is not null)
        {
            valid = [.. validIdx];
            var outside = valid.FirstOrDefault(i => i < 0 || i >= n, -1);
            if (valid.Any(i => i < 0 || i >= n)) throw new ArgumentOutOfRangeException(nameof(validIdx), outside, $"Validation row {outside} is outside the frame's {n} rows.");
        }
        else
        {
            if (validPct is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validPct), validPct, "validPct must be between 0 and 1.");
            var order = Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();
            new Random(seed).Shuffle(order);
            valid = [.. order.Take((int)Math.Round(n * validPct))];
        }
        var train = Enumerable.Range(0, (int)n).Select(i => (long)i).Where(i => !valid.Contains(i)).ToArray();
        if (train.Length == 0 || valid.Count == 0)
            throw new ArgumentException($"The split leaves {train.Length} training and {valid.Count} validation rows; both need at least one.");
        return (train, [.. valid.Order()]);
    }

    /// <summary>The first <paramref name="n"/> training rows of one shuffled batch, decoded: categories as text, continuous values unnormalised, the target.</summary>
    public DataFrame ShowBatch(int n = 10)
    {
        using var e = Train.GetEnumerator();
        if (!e.MoveNext()) throw new InvalidOperationException("The training set is empty.");
        using var batch = e.Current;
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
            yield return new DoubleDataFrameColumn(Processor.YNames[j], Enumerable.Range(0, (int)y.shape[0]).Select(i => Processor.YLog ? Math.Exp(data[i * k + j]) : data[i * k + j]));
    }
}
