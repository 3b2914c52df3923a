using System.Globalization;
using System.Text;
using System.Text.Json;
using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>
/// FillMissing, Categorify and Normalize fitted on the training rows and applied to every row, against the same
/// recipe written with pandas: medians, _na flags, codes (#na# = 0, sorted vocab, unseen = 0), means and ddof-0 stds.
/// </summary>
public sealed class ProcsParityTests
{
    private const int Rows = 300;
    private const int TrainRows = 200;

    // Categories: text with gaps and one value only in the validation rows; small ints. Continuous: gaps in training,
    // a complete column. The target is a float.
    private static string Table()
    {
        var csv = new StringBuilder("shop,size,price,qty,y\n");
        for (var i = 0; i < Rows; i++)
        {
            var shop = i % 11 == 0 ? "" : i >= TrainRows && i % 5 == 0 ? "new" : $"s{(i * 7) % 9}";
            var price = i % 13 == 0 ? "" : (1.5 + Math.Sin(i)).ToString("R", CultureInfo.InvariantCulture);
            var qty = (i * 37 % 101).ToString(CultureInfo.InvariantCulture);
            var y = (Math.Cos(i) * 3).ToString("R", CultureInfo.InvariantCulture);
            csv.Append($"{shop},{i % 4},{price},{qty},{y}\n");
        }
        return csv.ToString();
    }

    private const string PandasRecipe = """
        df = pd.read_csv(sys.argv[1]); ntrain = int(sys.argv[2])
        train = df.iloc[:ntrain]
        cats, conts = ['shop', 'size'], ['price', 'qty']
        medians = {c: train[c].median() for c in conts if train[c].isna().any()}
        for c, m in medians.items():
            df[c + '_na'] = df[c].isna()
            df[c] = df[c].fillna(m)
        cats = cats + [c + '_na' for c in medians]
        train = df.iloc[:ntrain]
        out = {}
        for c in cats:
            vocab = sorted(train[c].dropna().unique().tolist())
            codes = {v: i + 1 for i, v in enumerate(vocab)}
            out[c] = [codes.get(v, 0) if not pd.isna(v) else 0 for v in df[c].tolist()]
        for c in conts:
            mean, std = train[c].mean(), train[c].std(ddof=0) + 1e-7
            out[c] = ((df[c] - mean) / std).tolist()
        print(json.dumps({"order": cats + conts, "medians": medians, "x": out}))
        """;

    [Fact]
    public void Encoded_rows_match_the_pandas_recipe()
    {
        using var dir = new TempDir();
        var path = dir.File("table.csv");
        File.WriteAllText(path, Table());
        var expected = PandasFrames.Run(PandasRecipe, path, TrainRows.ToString(CultureInfo.InvariantCulture));

        var df = Csv.Read(path);
        var processor = new TabularProcessor([Procs.Normalize, Procs.Categorify, Procs.FillMissing], ["shop", "size"], ["price", "qty"], ["y"]);
        processor.Setup(df, Enumerable.Range(0, TrainRows).Select(i => (long)i).ToList());
        var order = expected.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(order, processor.CatNames.Concat(processor.ContNames).ToArray());
        var fill = (FillMissingProc)processor.TabularProcs.Single(p => p is FillMissingProc);
        foreach (var median in expected.GetProperty("medians").EnumerateObject())
            Assert.Equal(median.Value.GetDouble(), fill.FillValues[median.Name], 12);

        using var x = processor.EncodeX(df);
        Assert.Equal([Rows, order.Length], x.shape);
        var values = x.data<float>().ToArray();
        for (var c = 0; c < order.Length; c++)
        {
            var column = expected.GetProperty("x").GetProperty(order[c]).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var r = 0; r < Rows; r++)
                Assert.True(Math.Abs(values[r * order.Length + c] - column[r]) <= 1e-5 * Math.Max(1, Math.Abs(column[r])),
                    $"{order[c]}[{r}]: pandas {column[r]}, ours {values[r * order.Length + c]}");
        }
    }

    [Fact]
    public void FillMissing_flags_without_Categorify_are_refused_by_name()
    {
        var df = Csv.ReadText("a,y\n1,0\n,1\n3,1\n");
        var processor = new TabularProcessor([Procs.FillMissing, Procs.Normalize], [], ["a"], ["y"]);
        var e = Assert.Throws<ArgumentException>(() => processor.Setup(df, [0, 1, 2]));
        Assert.Contains("a_na", e.Message);
        Assert.Contains("Categorify", e.Message);
    }

    [Fact]
    public void A_continuous_gap_only_outside_training_is_reported_by_column()
    {
        var df = Csv.ReadText("a,b,y\n1,2,0\n2,3,1\n3,,1\n");
        var processor = new TabularProcessor([Procs.FillMissing, Procs.Normalize], [], ["a", "b"], ["y"]);
        processor.Setup(df, [0, 1]);
        var e = Assert.Throws<InvalidOperationException>(() => processor.EncodeX(df));
        Assert.Contains("\"b\"", e.Message);
    }
}
