using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Learning;

namespace NotebookDL.Tabular;

/// <summary>What a tabular model predicts.</summary>
public enum YBlock
{
    /// <summary>Floats (one or more target columns), mean squared error.</summary>
    Regression,

    /// <summary>Classes from one column's distinct values, cross entropy.</summary>
    Category,
}

/// <summary>
/// fastai's TabularPandas as a reusable recipe: the column roles, the procs fitted on the training rows, and the
/// target's encoding. It turns any frame with the same columns into the model's input: one float32 tensor (n,
/// nCat + nCont) holding the category codes first (exact as floats below 2^24) and the processed continuous
/// values after, so any TorchSharp module of one tensor can take it. It is the learner's item transform, so
/// <c>Export</c> saves it and <see cref="RowLearner.Predict(Microsoft.Data.Analysis.DataFrame)"/> after <c>Learner.Load</c> encodes new rows alike.
/// </summary>
public sealed class TabularProcessor : IItemTransform
{
    internal const string TransformName = "Tabular";

    // Category codes ride in the float32 input: integers are exact up to 2^24.
    private const int MaxCodes = 1 << 24;

    private readonly List<TabularProc> procs;

    /// <param name="procs">Fitted on the training rows by <see cref="Setup"/>, applied in fastai's order.</param>
    /// <param name="catNames">Categorical columns.</param>
    /// <param name="contNames">Continuous (numeric) columns.</param>
    /// <param name="yNames">Target column(s); one for <see cref="YBlock.Category"/>.</param>
    /// <param name="yBlock">Regression or classification.</param>
    /// <param name="yLog">Regression targets are log-transformed (the course's <c>log=True</c> for sales).</param>
    public TabularProcessor(IEnumerable<TabularProc> procs, IEnumerable<string> catNames, IEnumerable<string> contNames,
        IEnumerable<string> yNames, YBlock yBlock = YBlock.Regression, bool yLog = false)
    {
        this.procs = [.. (procs ?? []).OrderBy(p => p.Order)];
        InputCatNames = [.. catNames ?? []];
        CatNames = [.. InputCatNames];
        ContNames = [.. contNames ?? []];
        YNames = [.. yNames ?? []];
        (YBlock, YLog) = (yBlock, yLog);
        if (YNames.Count == 0) throw new ArgumentException("Name at least one target column (yNames).", nameof(yNames));
        if (yBlock == YBlock.Category && YNames.Count > 1) throw new ArgumentException("A Category target is one column.", nameof(yNames));
        if (yBlock == YBlock.Category && yLog) throw new ArgumentException("yLog applies to regression targets only.", nameof(yLog));
        var roles = CatNames.Concat(ContNames).Concat(YNames).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (roles is not null) throw new ArgumentException($"Column \"{roles.Key}\" is given more than one role (categorical, continuous, target).");
        if (!this.procs.OfType<CategorifyProc>().Any() && CatNames.Count > 0)
            throw new ArgumentException("Categorical columns need the Categorify proc to become codes: add Procs.Categorify.", nameof(procs));
    }

    public IReadOnlyList<TabularProc> TabularProcs => procs;

    /// <summary>The categorical columns as given (read from the frame).</summary>
    public IReadOnlyList<string> InputCatNames { get; }

    /// <summary>Categorical columns, including the <c>_na</c> flags FillMissing added at setup.</summary>
    public List<string> CatNames { get; private set; }

    public List<string> ContNames { get; }

    public List<string> YNames { get; }

    public YBlock YBlock { get; }

    public bool YLog { get; }

    /// <summary>The target's classes (Category), or null.</summary>
    public Vocab? YVocab { get; private set; }

    /// <summary>Codes per categorical column, #na# included (what embeddings are sized by).</summary>
    public IReadOnlyList<int> Cardinalities => CatNames.Select(n => Categorify!.Vocabs[n].Count + 1).ToList();

    public CategorifyProc? Categorify => procs.OfType<CategorifyProc>().FirstOrDefault();

    public NormalizeProc? Normalize => procs.OfType<NormalizeProc>().FirstOrDefault();

    /// <summary>Fits every proc (and the target's vocab) on the training rows <paramref name="trainRows"/> of <paramref name="df"/>.</summary>
    public void Setup(DataFrame df, IReadOnlyList<long> trainRows)
    {
        ArgumentNullException.ThrowIfNull(df);
        foreach (var name in YNames) df.Column(name);
        // From the columns as given: a second Setup must not look for the _na columns the first one added.
        var train = TabularTable.From(df, trainRows, InputCatNames, ContNames);
        foreach (var proc in procs)
        {
            proc.Setup(train);
            proc.Encode(train);
        }
        CatNames = train.CatNames;
        if (CatNames.Count > 0 && Categorify is null)
            throw new ArgumentException(
                $"FillMissing added the categorical column(s) {string.Join(", ", CatNames)}, which need the Categorify proc to become codes: add Procs.Categorify.");
        var tooMany = CatNames.FirstOrDefault(n => Categorify!.Vocabs[n].Count + 1 > MaxCodes);
        if (tooMany is not null)
            throw new ArgumentException($"Categorical column \"{tooMany}\" has {Categorify!.Vocabs[tooMany].Count:N0} categories; codes travel as float32, exact up to {MaxCodes:N0}.");
        if (YBlock == YBlock.Category)
        {
            var y = df.Column(YNames[0]);
            YVocab = new Vocab(trainRows.Select(r => y[r]).Where(v => v is not null).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!));
        }
    }

    /// <summary>The model input (n, nCat + nCont) of the given rows (all rows when null).</summary>
    public Tensor EncodeX(DataFrame df, IReadOnlyList<long>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(df);
        if (!procs.All(p => p.IsSetUp)) throw new InvalidOperationException("Call Setup on the training rows before encoding.");
        rows ??= AllRows(df);
        var table = TabularTable.From(df, rows, InputCatNames, ContNames);
        foreach (var proc in procs) proc.Encode(table);
        var width = CatNames.Count + ContNames.Count;
        var x = new float[rows.Count * width];
        for (var c = 0; c < CatNames.Count; c++)
        {
            var codes = table.Codes[CatNames[c]];
            for (var i = 0; i < codes.Length; i++) x[i * width + c] = codes[i];
        }
        for (var c = 0; c < ContNames.Count; c++)
        {
            var values = table.Conts[ContNames[c]];
            for (var i = 0; i < values.Length; i++) x[i * width + CatNames.Count + c] = (float)values[i];
        }
        return torch.tensor(x, [rows.Count, width]);
    }

    /// <summary>The targets of the given rows: float32 (n) or (n, k) for regression, int64 class indices for Category.</summary>
    public Tensor EncodeY(DataFrame df, IReadOnlyList<long>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(df);
        rows ??= AllRows(df);
        if (YBlock == YBlock.Category)
        {
            var vocab = YVocab ?? throw new InvalidOperationException("Call Setup on the training rows before encoding targets.");
            var column = df.Column(YNames[0]);
            var labels = rows.Select(r => column[r] is { } v
                ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!
                : throw new ArgumentException($"Target \"{column.Name}\" is missing at row {r}; drop or fill such rows first.")).ToList();
            var unknown = labels.FirstOrDefault(l => !vocab.Contains(l));
            if (unknown is not null) throw new ArgumentException($"Target \"{column.Name}\" has class \"{unknown}\", which the training rows do not have ({vocab}).");
            return torch.tensor(labels.Select(l => (long)vocab.IndexOf(l)).ToArray());
        }
        var y = new float[rows.Count * YNames.Count];
        for (var k = 0; k < YNames.Count; k++)
        {
            var column = df.Column(YNames[k]);
            if (!column.IsNumeric()) throw new ArgumentException($"Regression target \"{column.Name}\" holds {column.DataType.Name} values, not numbers.");
            var values = column.ToDoubles();
            for (var i = 0; i < rows.Count; i++)
            {
                var v = values[rows[i]];
                if (double.IsNaN(v)) throw new ArgumentException($"Target \"{column.Name}\" is missing at row {rows[i]}; drop or fill such rows first.");
                if (YLog && v <= 0) throw new ArgumentException($"Target \"{column.Name}\" is {v} at row {rows[i]}; yLog needs positive values.");
                y[i * YNames.Count + k] = (float)(YLog ? Math.Log(v) : v);
            }
        }
        return YNames.Count == 1 ? torch.tensor(y) : torch.tensor(y, [rows.Count, YNames.Count]);
    }

    /// <summary>Decodes rows of an encoded input back to readable values (categories as text, continuous values unnormalised).</summary>
    public DataFrame DecodeX(Tensor x)
    {
        using var cpu = x.detach().cpu().to(ScalarType.Float32);
        var data = cpu.data<float>().ToArray();
        var n = (int)x.shape[0];
        var width = CatNames.Count + ContNames.Count;
        var columns = new List<DataFrameColumn>();
        for (var c = 0; c < CatNames.Count; c++)
        {
            var classes = Categorify!.Classes(CatNames[c]);
            columns.Add(new StringDataFrameColumn(CatNames[c], Enumerable.Range(0, n).Select(i => classes[(int)data[i * width + c]])));
        }
        var norm = Normalize;
        for (var c = 0; c < ContNames.Count; c++)
        {
            var name = ContNames[c];
            columns.Add(new DoubleDataFrameColumn(name, Enumerable.Range(0, n).Select(i =>
            {
                double v = data[i * width + CatNames.Count + c];
                if (norm is null || !norm.Stats.TryGetValue(name, out var s)) return FromFloat32(v, Math.Abs(v));
                var decoded = norm.Decode(name, v);
                return FromFloat32(decoded, Math.Abs(decoded) + Math.Abs(s.Mean) + s.Std);
            })));
        }
        return new DataFrame(columns);
    }

    /// <summary>
    /// A number read back from a float32 batch, as the number it stood for: float32 keeps about 7 significant digits of
    /// a value of magnitude <paramref name="scale"/>, so the digits below them are noise (a 0 decoded as -2.19E-09, 4.1 as
    /// 4.099999904632568) and are rounded off.
    /// </summary>
    internal static double FromFloat32(double value, double scale)
    {
        if (!double.IsFinite(value)) return value;
        var decimals = Math.Clamp(6 - (int)Math.Ceiling(Math.Log10(Math.Max(scale, 1e-300))), 0, 15);
        return Math.Round(value, decimals) + 0.0; // + 0.0 turns -0 into 0
    }

    private static long[] AllRows(DataFrame df) => Enumerable.Range(0, (int)df.Rows.Count).Select(i => (long)i).ToArray();

    // ---- IItemTransform: the processor travels with an exported learner ----

    string IItemTransform.Name => TransformName;

    /// <summary>Rows reach the model already encoded by <see cref="EncodeX"/>, so the tensor passes through.</summary>
    Tensor IItemTransform.Apply(Tensor item) => item.alias();

    public JsonObject ToJson() => new()
    {
        ["procs"] = new JsonArray(procs.Select(p => (JsonNode?)p.ToJson()).ToArray()),
        ["inputCatNames"] = new JsonArray(InputCatNames.Select(n => (JsonNode?)n).ToArray()),
        ["catNames"] = new JsonArray(CatNames.Select(n => (JsonNode?)n).ToArray()),
        ["contNames"] = new JsonArray(ContNames.Select(n => (JsonNode?)n).ToArray()),
        ["yNames"] = new JsonArray(YNames.Select(n => (JsonNode?)n).ToArray()),
        ["yBlock"] = YBlock.ToString(),
        ["yLog"] = YLog,
        ["yVocab"] = YVocab is null ? null : new JsonArray(YVocab.Select(v => (JsonNode?)v).ToArray()),
    };

    internal static TabularProcessor FromJson(JsonObject json)
    {
        static List<string> Names(JsonNode? node) => node!.AsArray().Select(n => (string)n!).ToList();
        var processor = new TabularProcessor(
            json["procs"]!.AsArray().Select(p => TabularProc.Rebuild(p!.AsObject())),
            Names(json["inputCatNames"]), Names(json["contNames"]), Names(json["yNames"]),
            Enum.Parse<YBlock>((string)json["yBlock"]!), (bool)json["yLog"]!)
        {
            CatNames = Names(json["catNames"]),
        };
        if (json["yVocab"] is JsonArray vocab) processor.YVocab = new Vocab(vocab.Select(v => (string)v!));
        return processor;
    }

#pragma warning disable CA2255 // Registered when the assembly loads, so Learner.Load finds it in a fresh process.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => ItemTransforms.Register(TransformName, json => FromJson(json));
}
