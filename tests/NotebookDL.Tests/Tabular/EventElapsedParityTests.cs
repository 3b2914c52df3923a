using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>Days since / until an event per group, against the same computed with pandas' group-wise ffill/bfill.</summary>
public sealed class EventElapsedParityTests
{
    // Two stores, rows out of date order, an event on a store's first and last day, a store with a single event,
    // a missing flag (no event).
    private const string Rows = """
        store,Date,promo,v
        1,2020-01-05,0,1
        1,2020-01-01,1,2
        2,2020-01-03,0,3
        1,2020-01-03,0,4
        2,2020-01-02,0,5
        1,2020-01-09,1,6
        2,2020-01-06,1,7
        1,2020-01-07,,8
        2,2020-01-10,0,9
        """;

    private const string PandasRecipe = """
        df = pd.read_csv(sys.argv[1], parse_dates=['Date'])
        ordered = df.sort_values(['store', 'Date'], kind='stable')
        event_dates = ordered['Date'].where(ordered['promo'].fillna(0) != 0)
        last = event_dates.groupby(ordered['store']).ffill()
        nxt = event_dates.groupby(ordered['store']).bfill()
        df['promo_since'] = (ordered['Date'] - last).dt.days.reindex(df.index)
        df['promo_until'] = (nxt - ordered['Date']).dt.days.reindex(df.index)
        dump(df)
        """;

    [Fact]
    public void Since_and_until_match_pandas()
    {
        using var dir = new TempDir();
        var path = dir.File("promo.csv");
        File.WriteAllText(path, Rows);
        var expected = PandasFrames.Run(PandasRecipe, path);
        var df = Csv.Read(path).AddEventElapsed(["store"], "Date", "promo");
        PandasFrames.AssertSame(expected, df);
    }

    [Fact]
    public void A_date_column_that_is_not_dates_is_named()
    {
        var df = Csv.ReadText("store,week,promo\n1,40,1\n");
        var e = Assert.Throws<ArgumentException>(() => df.AddEventElapsed(["store"], "week", "promo"));
        Assert.Contains("\"week\"", e.Message);
    }
}
