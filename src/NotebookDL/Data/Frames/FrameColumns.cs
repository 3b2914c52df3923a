using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

/// <summary>Column access shared by the frame operations: lookups that name the missing column, values as doubles.</summary>
public static partial class FrameExtensions
{
    /// <summary>The column <paramref name="name"/>, or an exception that lists the frame's columns.</summary>
    public static DataFrameColumn Column(this DataFrame df, string name)
    {
        ArgumentNullException.ThrowIfNull(df);
        var index = df.Columns.IndexOf(name);
        if (index >= 0) return df.Columns[index];
        throw new ArgumentException(
            $"The data frame has no column \"{name}\"; its columns are {string.Join(", ", df.Columns.Select(c => c.Name))}.", nameof(name));
    }

    /// <summary>True for the column types that hold numbers (ints, floats, decimal; not bool).</summary>
    public static bool IsNumeric(this DataFrameColumn column) =>
        column.DataType != typeof(bool) && column.IsNumericColumn();

    /// <summary>A numeric or bool column's values as doubles, NaN where a value is missing.</summary>
    public static double[] ToDoubles(this DataFrameColumn column)
    {
        var values = new double[column.Length];
        switch (column)
        {
            case DoubleDataFrameColumn d: Copy(d, values, v => v); break;
            case SingleDataFrameColumn f: Copy(f, values, v => v); break;
            case Int64DataFrameColumn l: Copy(l, values, v => v); break;
            case Int32DataFrameColumn i: Copy(i, values, v => v); break;
            case BooleanDataFrameColumn b: Copy(b, values, v => v ? 1 : 0); break;
            default:
                if (!column.IsNumericColumn())
                    throw new ArgumentException($"Column \"{column.Name}\" holds {column.DataType.Name} values, not numbers.");
                for (long r = 0; r < column.Length; r++) values[r] = column[r] is { } v ? Convert.ToDouble(v) : double.NaN;
                break;
        }
        return values;
    }

    private static void Copy<T>(PrimitiveDataFrameColumn<T> column, double[] values, Func<T, double> convert) where T : unmanaged
    {
        long r = 0;
        foreach (var v in column) values[r++] = v is { } present ? convert(present) : double.NaN;
    }

    /// <summary>Rows <paramref name="rows"/> of <paramref name="df"/> in that order (a row index of -1 gives a row of nulls).</summary>
    public static DataFrame Take(this DataFrame df, IReadOnlyList<long> rows)
    {
        ArgumentNullException.ThrowIfNull(df);
        var map = new Int64DataFrameColumn("rows", rows.Select(r => r < 0 ? (long?)null : r));
        return new DataFrame(df.Columns.Select(c => c.Clone(map)));
    }
}
