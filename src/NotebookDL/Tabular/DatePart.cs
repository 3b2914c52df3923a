using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular;

/// <summary>fastai's <c>add_datepart</c>: a date column expanded into the parts a model can use as features.</summary>
public static partial class DatePart
{
    /// <summary>
    /// Adds <c>{prefix}Year, Month, Week</c> (ISO week), <c>Day, Dayofweek</c> (Monday = 0), <c>Dayofyear</c>, the six
    /// <c>Is_month/quarter/year_start/end</c> flags and <c>Elapsed</c> (seconds since 1970-01-01, int64), where the
    /// prefix is the column name without a trailing "Date"/"date" (as fastai). A missing date gives missing numbers and
    /// false flags (as pandas answers for NaT).
    /// A text column is parsed as ISO dates first; a value that does not parse throws, naming its row.
    /// </summary>
    /// <param name="df">The frame; the new columns are appended to it (and it is returned for chaining).</param>
    /// <param name="column">The date column (DateTime, or text in ISO form).</param>
    /// <param name="drop">Remove the source column afterwards (fastai's default).</param>
    /// <param name="time">Also add Hour, Minute and Second.</param>
    public static DataFrame AddDatePart(this DataFrame df, string column, bool drop = true, bool time = false)
    {
        ArgumentNullException.ThrowIfNull(df);
        var dates = Dates(df.Column(column));
        var prefix = DateSuffix().Replace(column, "");
        df.Columns.Add(Int64Part(prefix + "Year", dates, d => d.Year));
        df.Columns.Add(Int64Part(prefix + "Month", dates, d => d.Month));
        df.Columns.Add(Int64Part(prefix + "Week", dates, d => ISOWeek.GetWeekOfYear(d)));
        df.Columns.Add(Int64Part(prefix + "Day", dates, d => d.Day));
        df.Columns.Add(Int64Part(prefix + "Dayofweek", dates, d => ((int)d.DayOfWeek + 6) % 7));
        df.Columns.Add(Int64Part(prefix + "Dayofyear", dates, d => d.DayOfYear));
        df.Columns.Add(Flag(prefix + "Is_month_end", dates, d => d.Day == DateTime.DaysInMonth(d.Year, d.Month)));
        df.Columns.Add(Flag(prefix + "Is_month_start", dates, d => d.Day == 1));
        df.Columns.Add(Flag(prefix + "Is_quarter_end", dates, d => d.Month % 3 == 0 && d.Day == DateTime.DaysInMonth(d.Year, d.Month)));
        df.Columns.Add(Flag(prefix + "Is_quarter_start", dates, d => d.Month % 3 == 1 && d.Day == 1));
        df.Columns.Add(Flag(prefix + "Is_year_end", dates, d => d.Month == 12 && d.Day == 31));
        df.Columns.Add(Flag(prefix + "Is_year_start", dates, d => d.Month == 1 && d.Day == 1));
        if (time)
        {
            df.Columns.Add(Int64Part(prefix + "Hour", dates, d => d.Hour));
            df.Columns.Add(Int64Part(prefix + "Minute", dates, d => d.Minute));
            df.Columns.Add(Int64Part(prefix + "Second", dates, d => d.Second));
        }
        df.Columns.Add(Int64Part(prefix + "Elapsed", dates, d => (long)(d - DateTime.UnixEpoch).TotalSeconds));
        if (drop) df.Columns.Remove(column);
        return df;
    }

    private static DateTime?[] Dates(DataFrameColumn column)
    {
        if (column is PrimitiveDataFrameColumn<DateTime> dates) return [.. dates];
        if (column is not StringDataFrameColumn text)
            throw new ArgumentException($"AddDatePart: column \"{column.Name}\" holds {column.DataType.Name} values, not dates.");
        var result = new DateTime?[text.Length];
        for (long r = 0; r < text.Length; r++)
        {
            if (text[r] is not { } s) continue;
            if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new FormatException($"AddDatePart: column \"{column.Name}\", row {r}: \"{s}\" is not a date.");
            result[r] = d;
        }
        return result;
    }

    private static Int64DataFrameColumn Int64Part(string name, DateTime?[] dates, Func<DateTime, long> part) =>
        new(name, dates.Select(d => d is { } v ? part(v) : (long?)null));

    private static BooleanDataFrameColumn Flag(string name, DateTime?[] dates, Func<DateTime, bool> part) =>
        new(name, dates.Select(d => (bool?)(d is { } v && part(v))));

    [GeneratedRegex("[Dd]ate$")]
    private static partial Regex DateSuffix();
}
