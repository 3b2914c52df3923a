using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>Csv.Read against pandas' read_csv on the same files: column types and every value.</summary>
public sealed class CsvReaderParityTests
{
    // Quoted separators, doubled quotes, a newline inside quotes, CRLF line ends, R's NA, empty fields, an int
    // column with a gap, an int beyond float32 (16777217), exponents, negative numbers, booleans, ISO dates.
    private const string Tricky =
        "id,name,price,qty,flag,when,note\r\n" +
        "1,\"Smith, J\",1.5,16777217,true,2020-01-31,plain\r\n" +
        "2,\"say \"\"hi\"\"\",-2.25e-3,NA,False,2020-02-29,\"two\nlines\"\r\n" +
        "3,,3,7,TRUE,,NA\r\n" +
        "4,Ann,1e10,-8,false,1999-12-31,\r\n";

    [Fact]
    public void Tricky_file_reads_as_pandas_reads_it()
    {
        using var dir = new TempDir();
        var path = dir.File("tricky.csv");
        File.WriteAllText(path, Tricky);
        var expected = PandasFrames.Run("dump(pd.read_csv(sys.argv[1], parse_dates=['when']))", path);
        var df = Csv.Read(path);
        PandasFrames.AssertSame(expected, df);
        Assert.Equal(16777217L, df["qty"][0]);
        Assert.Equal("two\nlines", df["note"][1]);
    }

    [Fact]
    public void A_line_with_a_quoted_empty_field_is_a_row_and_a_blank_line_is_not()
    {
        // R's write.csv of a text vector: blank lines of the text are "" rows (Jane Austen's novels are written so).
        using var dir = new TempDir();
        var path = dir.File("lines.csv");
        File.WriteAllText(path, "\"x\"\n\"Chapter 1\"\n\"\"\n\"It is a truth\"\n\n\"\"\n\"end\"\n");
        var df = Csv.Read(path);
        PandasFrames.AssertSame(PandasFrames.Run("dump(pd.read_csv(sys.argv[1]))", path), df);
        Assert.Equal(5, df.Rows.Count);
    }

    [Fact]
    public void Given_types_override_inference()
    {
        var df = Csv.ReadText("store,sales\n2,10\n5,12\n", types: new Dictionary<string, Type> { ["store"] = typeof(string), ["sales"] = typeof(double) });
        Assert.IsType<StringDataFrameColumn>(df["store"]);
        Assert.IsType<DoubleDataFrameColumn>(df["sales"]);
        Assert.Equal("5", df["store"][1]);
    }

    [Fact]
    public void OrangeJuice_sales_and_stores_read_as_pandas_reads_them()
    {
        var (sales, stores) = RDatasets.OrangeJuice();
        foreach (var path in new[] { sales, stores })
        {
            var expected = PandasFrames.Run("dump(pd.read_csv(sys.argv[1]))", path);
            PandasFrames.AssertSame(expected, Csv.Read(path));
        }
    }
}
