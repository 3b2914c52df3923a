using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>
/// Where a reader and a join can silently disagree with pandas: infinities as R writes them, integers beyond long,
/// bytes that are not UTF-8, an unclosed quote, missing join keys. Each checked against pandas on the same input.
/// </summary>
public sealed class CsvPandasEdgeTests
{
    [Fact]
    public void Infinities_in_any_spelling_are_numbers()
    {
        using var dir = new TempDir();
        var path = dir.File("inf.csv");
        File.WriteAllText(path, "x,n\nInf,1\n-Inf,2\ninf,3\nInfinity,4\n+inf,5\n-INFINITY,6\n1.5,7\n");
        PandasFrames.AssertSame(PandasFrames.Run("dump(pd.read_csv(sys.argv[1]))", path), Csv.Read(path));
        Assert.Equal(double.NegativeInfinity, Csv.Read(path)["x"][1]);
    }

    [Fact]
    public void Integers_beyond_long_stay_exact_as_in_pandas()
    {
        using var dir = new TempDir();
        var path = dir.File("big.csv");
        // u: fits uint64 (pandas: uint64); s: one value below long.MinValue (object); t: beyond uint64 (object).
        File.WriteAllText(path, "u,s,t\n9223372036854775808,1,18446744073709551616\n18446744073709551615,-9223372036854775809,5\n5,7,6\n");
        var df = Csv.Read(path);
        PandasFrames.AssertSame(PandasFrames.Run("dump(pd.read_csv(sys.argv[1]))", path), df);
        Assert.Equal(18446744073709551615UL, df["u"][1]);
        Assert.Equal("18446744073709551616", df["t"][0]);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_an_error_naming_its_line_unless_the_encoding_is_given()
    {
        using var dir = new TempDir();
        var path = dir.File("cp1252.csv");
        File.WriteAllBytes(path, Windows1252("a,b\n1,x\n2,caf\u2019 cr\u00e8me\n")); // 0x92 is Windows-1252's right quote
        var e = Assert.Throws<FormatException>(() => Csv.Read(path));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("0x92", e.Message);
        Assert.Contains("encoding", e.Message);
        var pandasRefuses = PandasFrames.Run("""
            try:
                pd.read_csv(sys.argv[1]); print(json.dumps({"refused": False}))
            except UnicodeDecodeError:
                print(json.dumps({"refused": True}))
            """, path);
        Assert.True(pandasRefuses.GetProperty("refused").GetBoolean());

        var df = Csv.Read(path, encoding: System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252));
        PandasFrames.AssertSame(PandasFrames.Run("dump(pd.read_csv(sys.argv[1], encoding='cp1252'))", path), df);
        Assert.Equal("caf\u2019 cr\u00e8me", df["b"][1]);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_line_where_it_opens()
    {
        var e = Assert.Throws<FormatException>(() => Csv.ReadText("a,b\n1,2\n3,\"open\n4,5\n6,7\n"));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Missing_join_keys_match_missing_keys_as_pandas_merge_does()
    {
        var left = new DataFrame(new DoubleDataFrameColumn("k", [1.0, null, 3.0]), new Int64DataFrameColumn("v", [1L, 2L, 3L]));
        var right = new DataFrame(new DoubleDataFrameColumn("k", [null, 1.0]), new StringDataFrameColumn("w", ["missing-key row", "one"]));
        var textLeft = new DataFrame(new StringDataFrameColumn("k", ["a", null]), new Int64DataFrameColumn("v", [1L, 2L]));
        var textRight = new DataFrame(new StringDataFrameColumn("k", [null, "a"]), new StringDataFrameColumn("w", ["none", "A"]));
        var expected = PandasFrames.Run("""
            l = pd.DataFrame({'k': [1.0, None, 3.0], 'v': [1, 2, 3]}); r = pd.DataFrame({'k': [None, 1.0], 'w': ['missing-key row', 'one']})
            ls = pd.DataFrame({'k': ['a', None], 'v': [1, 2]}); rs = pd.DataFrame({'k': [None, 'a'], 'w': ['none', 'A']})
            print(json.dumps({"left": frame(l.merge(r, on='k', how='left')), "inner": frame(l.merge(r, on='k', how='inner')),
                              "text": frame(ls.merge(rs, on='k', how='left'))}))
            """);
        PandasFrames.AssertSame(expected.GetProperty("left"), left.Join(right, on: ["k"]));
        PandasFrames.AssertSame(expected.GetProperty("inner"), left.Join(right, on: ["k"], how: JoinKind.Inner));
        PandasFrames.AssertSame(expected.GetProperty("text"), textLeft.Join(textRight, on: ["k"]));
    }

    private static byte[] Windows1252(string text) => System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
}
