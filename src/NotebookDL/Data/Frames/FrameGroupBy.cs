using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

public static partial class FrameExtensions
{
    /// <summary>
    /// pandas' <c>df.groupby(keys)[columns].mean()</c>: one row per distinct key (rows with a missing key are
    /// dropped, groups sorted by key), the mean of each column over its present values only. MDA's
    /// <c>GroupBy(k).Mean(c)</c> counts missing values in the divisor ([1, null, 3] gives 1.33; pandas 2).
    /// A group with no present value gets a missing mean.
    /// </summary>
    /// <param name="df">The frame.</param>
    /// <param name="keys">Columns whose values form the group key.</param>
    /// <param name="columns">Numeric columns to average; every numeric non-key column when empty.</param>
    public static DataFrame GroupByMean(this DataFrame df, IReadOnlyList<string> keys, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(df);
        if (keys is null || keys.Count == 0) throw new ArgumentException("GroupByMean needs at least one key column.", nameof(keys));
        var keyColumns = keys.Select(df.Column).ToArray();
        var valueColumns = (columns.Length > 0 ? columns.Select(df.Column) : df.Columns.Where(c => c.IsNumeric() && !keys.Contains(c.Name))).ToArray();
        foreach (var c in valueColumns)
            if (!c.IsNumericColumn()) throw new ArgumentException($"GroupByMean: column \"{c.Name}\" holds {c.DataType.Name} values, not numbers.", nameof(columns));

        var groups = new Dictionary<RowKey, int>();
        var firstRow = new List<long>();
        var groupOf = new int[df.Rows.Count];
        for (long r = 0; r < df.Rows.Count; r++)
        {
            var key = RowKey.Of(keyColumns, r);
            if (key is null) { groupOf[r] = -1; continue; }
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = groups.Count;
                firstRow.Add(r);
            }
            groupOf[r] = g;
        }

        var sortedKeys = groups.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray();
        var result = new List<DataFrameColumn>();
        var keyRows = new Int64DataFrameColumn("rows", sortedKeys.Select(g => (long?)firstRow[g]));
        result.AddRange(keyColumns.Select(c => c.Clone(keyRows)));
        foreach (var column in valueColumns)
        {
            var values = column.ToDoubles();
            var sums = new double[groups.Count];
            var counts = new long[groups.Count];
            for (var r = 0; r < values.Length; r++)
            {
                if (groupOf[r] < 0 || double.IsNaN(values[r])) continue;
                sums[groupOf[r]] += values[r];
                counts[groupOf[r]]++;
            }
            result.Add(new DoubleDataFrameColumn(column.Name, sortedKeys.Select(g => counts[g] == 0 ? (double?)null : sums[g] / counts[g])));
        }
        return new DataFrame(result);
    }
}
