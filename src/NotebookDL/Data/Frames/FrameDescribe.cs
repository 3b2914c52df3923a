using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

public static partial class FrameExtensions
{
    /// <summary>
    /// pandas' <c>df.describe()</c> for the numeric columns: count (present values), mean, std (n - 1), min, the
    /// 25/50/75 % quantiles (linear interpolation) and max, one row per statistic.
    /// </summary>
    public static DataFrame Describe(this DataFrame df)
    {
        ArgumentNullException.ThrowIfNull(df);
        string[] names = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("statistic", names) };
        foreach (var column in df.Columns.Where(c => c.IsNumeric()))
        {
            var values = column.ToDoubles().Where(v => !double.IsNaN(v)).Order().ToArray();
            var n = values.Length;
            var mean = n == 0 ? double.NaN : values.Average();
            var std = n < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
            double?[] stats = [n, mean, std, Quantile(values, 0), Quantile(values, 0.25), Quantile(values, 0.5), Quantile(values, 0.75), Quantile(values, 1)];
            columns.Add(new DoubleDataFrameColumn(column.Name, stats.Select(s => s is double d && double.IsNaN(d) ? null : s)));
        }
        return new DataFrame(columns);
    }

    /// <summary>
    /// pandas' <c>df.T</c> for looking at a few rows of a wide table: one row per column (its name first), one text
    /// column per row of <paramref name="df"/> (named by the row's index). <c>df.Head(5).Transpose()</c>.
    /// </summary>
    public static DataFrame Transpose(this DataFrame df)
    {
        ArgumentNullException.ThrowIfNull(df);
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("column", df.Columns.Select(c => c.Name)) };
        for (long r = 0; r < df.Rows.Count; r++)
        {
            var row = r;
            columns.Add(new StringDataFrameColumn(row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                df.Columns.Select(c => c[row] is { } v ? Display.Formatting.ValueText.Of(v) : "NA")));
        }
        return new DataFrame(columns);
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolated linearly between ranks (numpy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
