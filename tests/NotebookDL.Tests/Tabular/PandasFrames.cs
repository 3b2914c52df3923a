using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace NotebookDL.Tabular.Tests;

/// <summary>
/// Compares our data frames with pandas (Debian's python3-pandas) on the same input: a Python snippet builds a
/// pandas frame <c>df</c>, <see cref="Prelude"/>'s <c>dump(df)</c> prints it as JSON (dtypes and values, NaN/NaT as
/// null, dates as ISO text), and <see cref="AssertSame"/> checks names, types and every value.
/// </summary>
internal static class PandasFrames
{
    public const string Prelude = """
        import json, sys, math
        import numpy as np
        import pandas as pd
        def cell(v):
            if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT: return None
            if isinstance(v, pd.Timestamp): return v.isoformat()
            if isinstance(v, (np.bool_, bool)): return bool(v)
            if isinstance(v, np.integer): return int(v)
            if isinstance(v, (float, np.floating)) and math.isinf(v): return "Infinity" if v > 0 else "-Infinity"  # JSON has no infinity
            if isinstance(v, np.floating): return None if np.isnan(v) else float(v)
            return v
        def frame(df):
            return {"columns": list(map(str, df.columns)), "dtypes": [str(t) for t in df.dtypes],
                    "values": [[cell(v) for v in df[c].astype(object).tolist()] for c in df.columns]}
        def dump(df):
            print(json.dumps(frame(df)))
        """;

    /// <summary>Runs <paramref name="script"/> (after <see cref="Prelude"/>) and parses what it printed.</summary>
    public static JsonElement Run(string script, params string[] args) =>
        JsonDocument.Parse(PythonProcess.Run(Prelude + "\n" + script, args)).RootElement;

    /// <summary>
    /// Names, types and values of <paramref name="actual"/> equal pandas' frame <paramref name="expected"/>. An int64
    /// column with gaps is float64 in pandas but stays int64 here (values still compared); doubles agree within 1e-12
    /// relative.
    /// </summary>
    public static void AssertSame(JsonElement expected, DataFrame actual)
    {
        var names = expected.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(names, actual.Columns.Select(c => c.Name).ToArray());
        var dtypes = expected.GetProperty("dtypes").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var values = expected.GetProperty("values").EnumerateArray().ToArray();
        for (var c = 0; c < names.Length; c++)
        {
            var column = actual.Columns[c];
            Assert.True(TypeMatches(dtypes[c], column), $"column {names[c]}: pandas {dtypes[c]}, ours {column.DataType.Name}");
            var expectedValues = values[c].EnumerateArray().ToArray();
            Assert.Equal(expectedValues.Length, column.Length);
            for (var r = 0; r < expectedValues.Length; r++) AssertCell(expectedValues[r], column[r], $"{names[c]}[{r}]");
        }
    }

    private static bool TypeMatches(string dtype, DataFrameColumn column) => dtype switch
    {
        "int64" => column.DataType == typeof(long),
        "uint64" => column.DataType == typeof(ulong),
        "float64" => column.DataType == typeof(double) || (column.DataType == typeof(long) && column.NullCount > 0),
        "bool" => column.DataType == typeof(bool),
        "object" => column.DataType == typeof(string) || column.DataType == typeof(bool),
        _ when dtype.StartsWith("datetime64", StringComparison.Ordinal) => column.DataType == typeof(DateTime),
        _ => false,
    };

    private static void AssertCell(JsonElement expected, object? actual, string where)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{where}: pandas has a missing value, ours is {actual}");
            return;
        }
        Assert.True(actual is not null, $"{where}: ours is missing, pandas has {expected}");
        switch (actual)
        {
            case double d:
                var e = expected.ValueKind == JsonValueKind.String ? double.Parse(expected.GetString()!, CultureInfo.InvariantCulture) : expected.GetDouble();
                if (double.IsInfinity(e)) { Assert.True(d == e, $"{where}: pandas {e}, ours {d}"); break; }
                Assert.True(Math.Abs(d - e) <= 1e-12 * Math.Max(1, Math.Abs(e)), $"{where}: pandas {e:R}, ours {d:R}");
                break;
            case long l: Assert.True(expected.GetDouble() == l, $"{where}: pandas {expected}, ours {l}"); break;
            case bool b: Assert.True(expected.GetBoolean() == b, $"{where}: pandas {expected}, ours {b}"); break;
            case DateTime t:
                Assert.Equal(DateTime.Parse(expected.GetString()!, CultureInfo.InvariantCulture), t);
                break;
            default: Assert.Equal(expected.ToString(), Convert.ToString(actual, CultureInfo.InvariantCulture)); break;
        }
    }
}
