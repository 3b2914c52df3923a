using System.Runtime.CompilerServices;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

/// <summary>
/// Converts one column of <see cref="CsvFields"/> into a typed <see cref="DataFrameColumn"/>. Without a given type
/// the whole column decides, as pandas does: int64 if every present value is an integer, else double if every one
/// is a number, else bool (true/false in any case), else DateTime (ISO dates), else string. Missing values (the
/// NA strings) become nulls in every type, so an integer column with gaps stays int64 (pandas turns it into float64).
/// </summary>
internal static class CsvColumn
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    /// <summary>The column <paramref name="column"/> of <paramref name="fields"/> as <paramref name="type"/>, or inferred when null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DataFrameColumn Build(CsvFields fields, int column, Type? type, NaValues na, string source)
    {
        var name = fields.Header[column];
        var rows = fields.Rows;
        var missing = new bool[rows];
        var nulls = 0;
        for (var r = 0; r < rows; r++)
            if (na.Contains(fields.Field(r, column))) { missing[r] = true; nulls++; }

        if (type is not null) return Typed(fields, column, type, missing, nulls, source);
        if (nulls == rows) return Strings(fields, column, missing);
        if (TryParseAll(fields, column, missing, TryInt64, out long[] longs)) return Primitive(name, longs, missing, nulls);
        // Integers beyond long stay exact, as in pandas: uint64 when they all fit it, else text (never rounded doubles).
        if (TryParseAll(fields, column, missing, IsInteger, out bool[] _))
        {
            if (TryParseAll(fields, column, missing, TryUInt64, out ulong[] unsigned)) return Primitive(name, unsigned, missing, nulls);
            return Strings(fields, column, missing);
        }
        if (TryParseAll(fields, column, missing, TryDouble, out double[] doubles)) return Primitive(name, doubles, missing, nulls);
        if (TryParseAll(fields, column, missing, TryBool, out bool[] bools)) return new BooleanDataFrameColumn(name, Nullable(bools, missing));
        if (TryParseAll(fields, column, missing, TryDate, out DateTime[] dates)) return new DateTimeDataFrameColumn(name, Nullable(dates, missing));
        return Strings(fields, column, missing);
    }

    private static DataFrameColumn Typed(CsvFields fields, int column, Type type, bool[] missing, int nulls, string source)
    {
        var name = fields.Header[column];
        if (type == typeof(string)) return Strings(fields, column, missing);
        if (type == typeof(long)) return Primitive(name, ParseAll<long>(fields, column, missing, TryInt64, source), missing, nulls);
        if (type == typeof(int)) return Primitive(name, ParseAll<int>(fields, column, missing, TryInt32, source), missing, nulls);
        if (type == typeof(double)) return Primitive(name, ParseAll<double>(fields, column, missing, TryDouble, source), missing, nulls);
        if (type == typeof(float)) return Primitive(name, ParseAll<float>(fields, column, missing, TrySingle, source), missing, nulls);
        if (type == typeof(bool)) return new BooleanDataFrameColumn(name, Nullable(ParseAll<bool>(fields, column, missing, TryBool, source), missing));
        if (type == typeof(DateTime)) return new DateTimeDataFrameColumn(name, Nullable(ParseAll<DateTime>(fields, column, missing, TryDate, source), missing));
        throw new ArgumentException(
            $"Column \"{name}\": type {type.Name} is not supported; use long, int, double, float, bool, DateTime or string.");
    }

    private delegate bool TryParse<T>(ReadOnlySpan<byte> text, out T value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseAll<T>(CsvFields fields, int column, bool[] missing, TryParse<T> parse, out T[] values)
    {
        values = new T[missing.Length];
        for (var r = 0; r < missing.Length; r++)
            if (!missing[r] && !parse(fields.Field(r, column), out values[r])) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T[] ParseAll<T>(CsvFields fields, int column, bool[] missing, TryParse<T> parse, string source)
    {
        var values = new T[missing.Length];
        for (var r = 0; r < missing.Length; r++)
        {
            if (missing[r] || parse(fields.Field(r, column), out values[r])) continue;
            throw new FormatException(
                $"{source}, line {fields.LineOf(r)}, column \"{fields.Header[column]}\": \"{fields.Text(r, column)}\" is not a valid {typeof(T).Name}.");
        }
        return values;
    }

    private static bool TryInt64(ReadOnlySpan<byte> s, out long v) => CsvNumbers.TryParseInt64(s, out v);

    private static bool TryUInt64(ReadOnlySpan<byte> s, out ulong v) => ulong.TryParse(s, NumberStyles.None, Invariant, out v);

    private static bool IsInteger(ReadOnlySpan<byte> s, out bool v)
    {
        var digits = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? s[1..] : s;
        v = digits.Length > 0 && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        return v;
    }

    private static bool TryInt32(ReadOnlySpan<byte> s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, Invariant, out v);

    private static bool TryDouble(ReadOnlySpan<byte> s, out double v) => CsvNumbers.TryParseDouble(s, out v);

    private static bool TrySingle(ReadOnlySpan<byte> s, out float v) => float.TryParse(s, NumberStyles.Float, Invariant, out v);

    private static bool TryBool(ReadOnlySpan<byte> s, out bool v)
    {
        v = s.Length == 4;
        return (s.Length == 4 && System.Text.Ascii.EqualsIgnoreCase(s, "true"u8)) || (s.Length == 5 && System.Text.Ascii.EqualsIgnoreCase(s, "false"u8));
    }

    private static bool TryDate(ReadOnlySpan<byte> s, out DateTime v)
    {
        v = default;
        if (s.Length < 10 || s.Length > 40) return false;
        Span<char> chars = stackalloc char[s.Length];
        for (var i = 0; i < s.Length; i++) chars[i] = (char)s[i];
        return DateTime.TryParseExact(chars, DateFormats, Invariant, DateTimeStyles.None, out v);
    }

    private static IEnumerable<T?> Nullable<T>(T[] values, bool[] missing) where T : struct =>
        values.Select((v, i) => missing[i] ? (T?)null : v);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StringDataFrameColumn Strings(CsvFields fields, int column, bool[] missing)
    {
        // Categorical text repeats: one string object per distinct value keeps a 100k-row column small.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new string?[missing.Length];
        for (var r = 0; r < missing.Length; r++)
        {
            if (missing[r]) continue;
            var text = fields.Text(r, column);
            values[r] = pool.TryGetValue(text, out var seen) ? seen : pool[text] = text;
        }
        return new StringDataFrameColumn(fields.Header[column], values);
    }

    /// <summary>A primitive column built straight from Arrow-layout buffers (values + validity bitmap, 1 = present).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DataFrameColumn Primitive<T>(string name, T[] values, bool[] missing, int nulls) where T : unmanaged
    {
        var buffer = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        var bitmap = new byte[(values.Length + 7) / 8];
        for (var i = 0; i < values.Length; i++)
            if (!missing[i]) bitmap[i >> 3] |= (byte)(1 << (i & 7));
        // By T, not by an array pattern: the runtime lets a ulong[] pass as a long[] and back (same element size).
        if (typeof(T) == typeof(long)) return new Int64DataFrameColumn(name, buffer, bitmap, values.Length, nulls);
        if (typeof(T) == typeof(ulong)) return new UInt64DataFrameColumn(name, buffer, bitmap, values.Length, nulls);
        if (typeof(T) == typeof(int)) return new Int32DataFrameColumn(name, buffer, bitmap, values.Length, nulls);
        if (typeof(T) == typeof(double)) return new DoubleDataFrameColumn(name, buffer, bitmap, values.Length, nulls);
        if (typeof(T) == typeof(float)) return new SingleDataFrameColumn(name, buffer, bitmap, values.Length, nulls);
        throw new NotSupportedException(typeof(T).Name);
    }
}
