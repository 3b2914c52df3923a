using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Tabular;
using static NotebookDL.Tabular.TabularLearners;

namespace NotebookDL.Benchmarks;

/// <summary>
/// The structured-data lesson's workloads: reading orangeJuice's sales CSV (vs pandas' read_csv on the same file)
/// and one training epoch of the lesson's tabular model (store, brand, deal embeddings + 13 continuous columns,
/// layers 200-100, AdamW, MSE) through the Learner, vs the same model and a plain loop in PyTorch on the same
/// encoded rows (written to files Python reads).
/// </summary>
internal static class TabularWorkloads
{
    private static readonly string[] Cats = ["store", "brand", "deal"];
    private static readonly string[] Conts = ["price", "feat", "AGE60", "EDUC", "ETHNIC", "INCOME", "HHLARGE", "WORKWOM", "HVAL150", "SSTRDIST", "SSTRVOL", "CPDIST5", "CPWVOL5"];

    public static readonly Lazy<(string Sales, string Stores)> Csvs = new(() => RDatasets.OrangeJuice());

    /// <summary>Rows of the sales table (the CSV workload's items).</summary>
    public const int SalesRows = 106_139;

    /// <summary>Training rows (weeks up to 148) of the joined table: an epoch's items.</summary>
    public const int TrainRows = 95_700;

    /// <summary>The lesson's data, encoded; the training rows' x and y also written for Python.</summary>
    public static readonly Lazy<(DataFrame Df, List<long> Valid, string Folder, int TrainRows)> Data = new(() =>
    {
        var (sales, stores) = Csvs.Value;
        var df = Csv.Read(sales).Join(Csv.Read(stores), on: ["store"], rightOn: ["STORE"]);
        var brand = df.Column("brand").ToDoubles();
        var prices = Enumerable.Range(1, 11).Select(b => df.Column($"price{b}").ToDoubles()).ToArray();
        df.Columns.Add(new DoubleDataFrameColumn("price", Enumerable.Range(0, (int)df.Rows.Count).Select(i => prices[(int)brand[i] - 1][i])));
        var week = df.Column("week").ToDoubles();
        var valid = Enumerable.Range(0, week.Length).Where(i => week[i] > 148).Select(i => (long)i).ToList();
        var dls = Loaders(df, valid, 64);
        var folder = Directory.CreateTempSubdirectory("nbdl-bench-tab-").FullName;
        var processor = dls.Processor;
        using (var x = processor.EncodeX(df, dls.TrainRows)) Float32File.Write(Path.Combine(folder, "x.f32"), x);
        using (var y = processor.EncodeY(df, dls.TrainRows)) Float32File.Write(Path.Combine(folder, "y.f32"), y);
        File.WriteAllText(Path.Combine(folder, "shape.txt"), $"{dls.TrainRows.Count} {Cats.Length} {Conts.Length} {string.Join(',', processor.Cardinalities)}");
        return (df, valid, folder, dls.TrainRows.Count);
    });

    private static TabularDataLoaders Loaders(DataFrame df, List<long> valid, int bs) =>
        TabularDataLoaders.FromDataFrame(df, [Procs.FillMissing, Procs.Categorify, Procs.Normalize], Cats, Conts, ["logmove"], validIdx: valid, bs: bs);

    /// <summary>Csv.Read of the 106,139-row sales file (19 columns: int64 and double).</summary>
    public static Action ReadCsv()
    {
        var path = Csvs.Value.Sales;
        return () => Csv.Read(path);
    }

    /// <summary>
    /// A wide table like the held-out one in issue 22 (8,190 rows x 1,503 columns, ~25 MB): an integer id, 1,502
    /// decimal columns with six significant digits and about 1 % empty fields. Written once per run, seeded.
    /// </summary>
    public static readonly Lazy<string> WideCsv = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "nbdl-bench-wide.csv");
        var random = new Random(22);
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        writer.Write("id");
        for (var c = 1; c < 1503; c++) writer.Write($",f{c}");
        writer.Write('\n');
        for (var r = 0; r < 8190; r++)
        {
            writer.Write(r);
            for (var c = 1; c < 1503; c++)
            {
                writer.Write(',');
                if (random.NextDouble() < 0.01) continue;
                writer.Write((random.NextDouble() * 200 - 100).ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
            }
            writer.Write('\n');
        }
        return path;
    });

    /// <summary>Csv.Read of <see cref="WideCsv"/>.</summary>
    public static Action ReadWideCsv()
    {
        var path = WideCsv.Value;
        return () => Csv.Read(path);
    }

    /// <summary>One training epoch (no validation pass) of the lesson's small tabular net at batch size <paramref name="bs"/>.</summary>
    public static Action Epoch(int bs)
    {
        var (df, valid, _, _) = Data.Value;
        var dls = Loaders(df, valid, bs);
        manual_seed(0);
        var learn = TabularLearner(dls, layers: [200, 100], yRange: (0, 16), progress: false);
        learn.Dls = TrainOnly.Of(dls);
        return () => learn.Fit(1, 1e-3);
    }
}
