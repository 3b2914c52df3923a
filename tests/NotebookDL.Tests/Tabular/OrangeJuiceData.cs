using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>
/// The lesson's data, built the lesson's way: sales joined with store demographics, the week number turned into a
/// date (Dominick's week 1 starts 1989-09-14), each row's own-brand price, and the last 12 weeks (149-160) held out.
/// </summary>
internal static class OrangeJuiceData
{
    public static readonly string[] Cats = ["store", "brand", "deal"];

    public static readonly string[] Conts =
        ["price", "feat", "AGE60", "EDUC", "ETHNIC", "INCOME", "HHLARGE", "WORKWOM", "HVAL150", "SSTRDIST", "SSTRVOL", "CPDIST5", "CPWVOL5"];

    public const int LastTrainWeek = 148;

    public static DataFrame Load()
    {
        var (sales, stores) = RDatasets.OrangeJuice();
        var df = Csv.Read(sales).Join(Csv.Read(stores), on: ["store"], rightOn: ["STORE"]);
        var brand = df.Column("brand").ToDoubles();
        var prices = Enumerable.Range(1, 11).Select(b => df.Column($"price{b}").ToDoubles()).ToArray();
        df.Columns.Add(new DoubleDataFrameColumn("price", Enumerable.Range(0, (int)df.Rows.Count).Select(i => prices[(int)brand[i] - 1][i])));
        return df;
    }

    public static List<long> ValidRows(DataFrame df)
    {
        var week = df.Column("week").ToDoubles();
        return Enumerable.Range(0, week.Length).Where(i => week[i] > LastTrainWeek).Select(i => (long)i).ToList();
    }
}
