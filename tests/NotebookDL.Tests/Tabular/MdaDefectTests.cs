using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>
/// Microsoft.Data.Analysis 0.23.1's defects that Csv.Read and GroupByMean work around, pinned: when one of these
/// starts failing, upstream fixed it and our workaround may go.
/// </summary>
public sealed class MdaDefectTests
{
    [Fact]
    public void LoadCsv_stores_numbers_as_float32_and_loses_integers_beyond_2_pow_24()
    {
        var df = DataFrame.LoadCsvFromString("qty,price\n16777217,0.1\n3,0.2\n");
        Assert.Equal(typeof(float), df["qty"].DataType);
        Assert.Equal(16777216f, df["qty"][0]);
        Assert.Equal(16777217L, Csv.ReadText("qty,price\n16777217,0.1\n3,0.2\n")["qty"][0]);
    }

    [Fact]
    public void LoadCsv_reads_R_NA_as_text()
    {
        var df = DataFrame.LoadCsvFromString("x,y\nNA,a\nb,c\n");
        Assert.Equal("NA", df["x"][0]);
        Assert.Null(Csv.ReadText("x,y\nNA,a\nb,c\n")["x"][0]);
    }

    [Fact]
    public void GroupBy_Mean_counts_missing_values_in_the_divisor()
    {
        var df = new DataFrame(new StringDataFrameColumn("k", ["a", "a", "a"]), new DoubleDataFrameColumn("v", [1.0, null, 3.0]));
        var mda = df.GroupBy("k").Mean("v");
        Assert.Equal(4.0 / 3.0, (double)mda["v"][0]!, 1e-12);
        Assert.Equal(2.0, (double)df.GroupByMean(["k"], "v")["v"][0]!, 1e-12);
    }
}
