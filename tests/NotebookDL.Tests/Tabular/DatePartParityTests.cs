using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>AddDatePart against the same parts computed with pandas' datetime accessors.</summary>
public sealed class DatePartParityTests
{
    // Year ends, leap days, ISO week 53 and week 1 that start in the previous year, quarter edges, a missing date.
    private const string Dates = "saleDate,v\n2020-12-31,1\n2021-01-01,2\n2018-12-31,3\n2020-02-29,4\n2019-03-31,5\n2019-04-01,6\n,7\n1989-09-14,8\n2016-06-30,9\n2000-01-01,10\n";

    private const string PandasParts = """
        df = pd.read_csv(sys.argv[1], parse_dates=['saleDate'])
        d = df['saleDate'].dt
        parts = {'Year': d.year, 'Month': d.month, 'Week': d.isocalendar().week.astype('float64'), 'Day': d.day,
                 'Dayofweek': d.dayofweek, 'Dayofyear': d.dayofyear,
                 'Is_month_end': d.is_month_end, 'Is_month_start': d.is_month_start,
                 'Is_quarter_end': d.is_quarter_end, 'Is_quarter_start': d.is_quarter_start,
                 'Is_year_end': d.is_year_end, 'Is_year_start': d.is_year_start}
        for name, values in parts.items(): df['sale' + name] = values
        seconds = df['saleDate'].values.astype('datetime64[s]').astype('int64').astype('float64')
        df['saleElapsed'] = np.where(df['saleDate'].isna(), np.nan, seconds)
        dump(df.drop(columns=['saleDate']))
        """;

    [Fact]
    public void Parts_match_pandas_including_iso_weeks_and_a_missing_date()
    {
        using var dir = new TempDir();
        var path = dir.File("dates.csv");
        File.WriteAllText(path, Dates);
        var expected = PandasFrames.Run(PandasParts, path);
        var df = Csv.Read(path).AddDatePart("saleDate");
        PandasFrames.AssertSame(expected, df);
    }

    [Fact]
    public void Keeps_the_source_column_when_asked_and_parses_text_dates()
    {
        var df = Csv.ReadText("Date\n2021-03-04\n", types: new Dictionary<string, Type> { ["Date"] = typeof(string) }).AddDatePart("Date", drop: false);
        Assert.Equal("2021-03-04", df["Date"][0]);
        Assert.Equal(2021L, df["Year"][0]);
        Assert.Equal(3L, df["Dayofweek"][0]); // a Thursday; Monday is 0
    }

    [Fact]
    public void A_text_value_that_is_not_a_date_names_column_and_row()
    {
        var df = Csv.ReadText("when\n2021-03-04\nsoon\n", types: new Dictionary<string, Type> { ["when"] = typeof(string) });
        var e = Assert.Throws<FormatException>(() => df.AddDatePart("when"));
        Assert.Contains("\"when\"", e.Message);
        Assert.Contains("row 1", e.Message);
        Assert.Contains("\"soon\"", e.Message);
    }

    [Fact]
    public void A_numeric_column_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => Csv.ReadText("week\n40\n").AddDatePart("week"));
        Assert.Contains("\"week\"", e.Message);
    }
}
