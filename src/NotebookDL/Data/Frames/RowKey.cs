using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

/// <summary>
/// The values of a row's key columns, comparable across column types: integers of any width and integral doubles
/// become the same long (so an int32 key 2 matches an int64 2 and a double 2.0), other numbers doubles, text
/// stays text. Ordered as pandas sorts group keys: column by column, numbers numerically, text ordinally.
/// </summary>
internal sealed class RowKey(object[] values) : IEquatable<RowKey>, IComparable<RowKey>
{
    private readonly object[] values = values;

    /// <summary>The key of row <paramref name="row"/>, or null if any of its key values is missing.</summary>
    public static RowKey? Of(IReadOnlyList<DataFrameColumn> columns, long row)
    {
        var values = new object[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = Normalise(columns[i][row]);
            if (value is null) return null;
            values[i] = value;
        }
        return new RowKey(values);
    }

    /// <summary>
    /// The key of row <paramref name="row"/> for a join, where a missing value is a value of its own: pandas' merge
    /// matches a missing key (NaN, None) to a missing key.
    /// </summary>
    public static RowKey JoinKey(IReadOnlyList<DataFrameColumn> columns, long row)
    {
        var values = new object[columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Normalise(columns[i][row]) ?? Missing;
        return new RowKey(values);
    }

    /// <summary>Stands for a missing value in a join key (equal only to itself).</summary>
    private static readonly object Missing = new();

    /// <summary>The comparable form of one key value; null for a missing value.</summary>
    public static object? Normalise(object? value) => value switch
    {
        null => null,
        double d when double.IsNaN(d) => null,
        float f when float.IsNaN(f) => null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        float f when f == MathF.Floor(f) && Math.Abs(f) < 9e15 => (long)f,
        double or float or decimal => Convert.ToDouble(value),
        sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToInt64(value),
        _ => value,
    };

    public bool Equals(RowKey? other) => other is not null && values.AsSpan().SequenceEqual(other.values);

    public override bool Equals(object? obj) => Equals(obj as RowKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in values) hash.Add(v);
        return hash.ToHashCode();
    }

    public int CompareTo(RowKey? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < values.Length; i++)
        {
            var c = CompareValues(values[i], other.values[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Orders two normalised values: numbers numerically, text ordinally, other types by their own order.</summary>
    public static int CompareValues(object a, object b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (long or double, long or double) => Convert.ToDouble(a).CompareTo(Convert.ToDouble(b)),
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => string.CompareOrdinal(a.GetType().Name, b.GetType().Name),
    };
}
