using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>GroupByMean, Join and Describe against pandas on the same data.</summary>
public sealed class FrameOpsParityTests
{
    private const string Gappy = "k1,k2,v,w\na,1,1.0,10\na,1,,20\nb,2,3.0,\nb,1,4.5,40\n,1,9.0,50\na,2,,60\n";

    [Fact]
    public void GroupByMean_skips_missing_values_and_keys_as_pandas()
    {
        using var dir = new TempDir();
        var path = dir.File("gappy.csv");
        File.WriteAllText(path, Gappy);
        var expected = PandasFrames.Run("dump(pd.read_csv(sys.argv[1]).groupby(['k1', 'k2'])[['v', 'w']].mean().reset_index())", path);
        var ours = Csv.Read(path).GroupByMean(["k1", "k2"], "v", "w");
        // pandas' mean of an int column is float64: compare as that.
        PandasFrames.AssertSame(expected, ours);
    }

    [Fact]
    public void OrangeJuice_left_join_on_differently_named_keys_matches_pandas_merge()
    {
        var (sales, stores) = RDatasets.OrangeJuice();
        var expected = PandasFrames.Run("""
            yx = pd.read_csv(sys.argv[1]); demo = pd.read_csv(sys.argv[2])
            df = yx.merge(demo, how='left', left_on='store', right_on='STORE').drop(columns=['STORE'])
            dump(df.iloc[::97])
            """, sales, stores);
        var joined = Csv.Read(sales).Join(Csv.Read(stores), on: ["store"], rightOn: ["STORE"]);
        Assert.Equal(106139, joined.Rows.Count);
        var every97th = Enumerable.Range(0, (int)joined.Rows.Count).Where(i => i % 97 == 0).Select(i => (long)i).ToList();
        PandasFrames.AssertSame(expected, joined.Take(every97th));
    }

    [Fact]
    public void Inner_join_with_duplicate_matches_and_clashing_names_matches_pandas()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("l.csv"), "id,x\n1,a\n2,b\n3,c\n2,d\n");
        File.WriteAllText(dir.File("r.csv"), "id,x,y\n2,p,1.5\n2,q,2.5\n3,r,\n4,s,4.5\n");
        // Rows in left order, as pandas documents and does from 2.2 (1.5 groups equal keys together): sort by the left row.
        var expected = PandasFrames.Run("""
            l = pd.read_csv(sys.argv[1]); l['row'] = range(len(l))
            m = l.merge(pd.read_csv(sys.argv[2]), how='inner', on='id').sort_values('row', kind='stable').drop(columns=['row'])
            dump(m.reset_index(drop=True))
            """, dir.File("l.csv"), dir.File("r.csv"));
        var ours = Csv.Read(dir.File("l.csv")).Join(Csv.Read(dir.File("r.csv")), on: ["id"], how: JoinKind.Inner);
        PandasFrames.AssertSame(expected, ours);
    }

    [Fact]
    public void Join_matches_int32_keys_with_int64_keys_and_refuses_text_against_numbers()
    {
        var left = new DataFrame(new Int64DataFrameColumn("id", [1L, 2L]));
        var right = new DataFrame(new Int32DataFrameColumn("id", [2, 1]), new StringDataFrameColumn("name", ["two", "one"]));
        var joined = left.Join(right, on: ["id"]);
        Assert.Equal(["one", "two"], joined["name"].Cast<string>().ToArray());

        var text = new DataFrame(new StringDataFrameColumn("id", ["1"]), new StringDataFrameColumn("name", ["one"]));
        var e = Assert.Throws<ArgumentException>(() => left.Join(text, on: ["id"]));
        Assert.Contains("\"id\"", e.Message);
        Assert.Contains("numbers", e.Message);
    }

    [Fact]
    public void Describe_matches_pandas_describe()
    {
        using var dir = new TempDir();
        var path = dir.File("gappy.csv");
        File.WriteAllText(path, Gappy);
        var expected = PandasFrames.Run("d = pd.read_csv(sys.argv[1]).describe(); d.insert(0, 'statistic', d.index); dump(d.reset_index(drop=True))", path);
        PandasFrames.AssertSame(expected, Csv.Read(path).Describe());
    }

    [Fact]
    public void Unknown_columns_are_named_with_the_frame_columns()
    {
        var df = Csv.ReadText(Gappy);
        var e = Assert.Throws<ArgumentException>(() => df.GroupByMean(["k3"], "v"));
        Assert.Contains("\"k3\"", e.Message);
        Assert.Contains("k1, k2, v, w", e.Message);
    }
}
