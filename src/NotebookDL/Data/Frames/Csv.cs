using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

/// <summary>
/// A typed CSV reader into Microsoft.Data.Analysis's <see cref="DataFrame"/>, as pandas' <c>read_csv</c> reads:
/// each column's type is inferred from all of its values (int64, double, bool, DateTime, string) unless given,
/// numbers keep double precision, and pandas' NA texts (the empty field, <c>NA</c>, <c>NaN</c>, ...) are missing.
/// MDA's own <c>DataFrame.LoadCsv</c> guesses from the first rows, stores numbers as float32 and reads <c>NA</c> as
/// text (see the tests that pin this).
/// <example><code>
/// var df = Csv.Read("sales.csv", types: new() { ["store"] = typeof(string) });
/// </code></example>
/// </summary>
public static class Csv
{
    /// <param name="path">The file; its first row names the columns.</param>
    /// <param name="types">Column name -> type (long, int, double, float, bool, DateTime, string) for columns whose
    /// inferred type is not wanted; a value that does not parse as the given type throws, naming line and column.</param>
    /// <param name="separator">Field separator.</param>
    /// <param name="naValues">Texts read as missing; pandas' default list when null.</param>
    /// <param name="encoding">The file's encoding when it is not UTF-8 (e.g. <c>Encoding.Latin1</c>, or
    /// <c>CodePagesEncodingProvider.Instance.GetEncoding(1252)</c> for Windows-1252). Without it, a byte that is not
    /// UTF-8 is an error naming its line and offset, as pandas raises, instead of a silent U+FFFD.</param>
    public static DataFrame Read(string path, IReadOnlyDictionary<string, Type>? types = null, char separator = ',', IEnumerable<string>? naValues = null,
        System.Text.Encoding? encoding = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file '{Path.GetFullPath(path)}' does not exist.", path);
        var data = File.ReadAllBytes(path);
        var source = Path.GetFileName(path);
        if (encoding is null || encoding.CodePage == System.Text.Encoding.UTF8.CodePage) RequireUtf8(data, source);
        else data = System.Text.Encoding.Convert(encoding, System.Text.Encoding.UTF8, data);
        return Parse(data, source, types, separator, naValues);
    }

    /// <summary>Throws at the first byte sequence that is not UTF-8, naming its line and offset.</summary>
    private static void RequireUtf8(byte[] data, string source)
    {
        if (System.Text.Unicode.Utf8.IsValid(data)) return;
        var chars = new char[data.Length];
        System.Text.Unicode.Utf8.ToUtf16(data, chars, out var valid, out _, replaceInvalidSequences: false);
        var line = data.AsSpan(0, valid).Count((byte)'\n') + 1;
        throw new FormatException($"{source}, line {line}: byte 0x{data[valid]:X2} at offset {valid} is not UTF-8. The file is in another " +
            "encoding: pass it, e.g. encoding: Encoding.Latin1, or CodePagesEncodingProvider.Instance.GetEncoding(1252) for Windows-1252.");
    }

    /// <summary>Reads CSV text held in memory (tests, small inline tables).</summary>
    public static DataFrame ReadText(string text, IReadOnlyDictionary<string, Type>? types = null, char separator = ',', IEnumerable<string>? naValues = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(text), "CSV text", types, separator, naValues);

    private static DataFrame Parse(byte[] data, string source, IReadOnlyDictionary<string, Type>? types, char separator, IEnumerable<string>? naValues)
    {
        if (separator > 127) throw new ArgumentException($"The separator must be an ASCII character, got '{separator}'.", nameof(separator));
        var fields = CsvFields.Split(data, (byte)separator, source);
        if (types is not null)
        {
            var unknown = types.Keys.Where(k => !fields.Header.Contains(k)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"{source}: types names column(s) {string.Join(", ", unknown.Select(u => $"\"{u}\""))} " +
                    $"that the file does not have; its columns are {string.Join(", ", fields.Header)}.", nameof(types));
        }
        var na = new NaValues(naValues ?? NaValues.Default);
        var columns = new DataFrameColumn[fields.Columns];
        // Columns are independent once split: convert them one per core.
        try
        {
            Parallel.For(0, fields.Columns, c =>
                columns[c] = CsvColumn.Build(fields, c, types?.GetValueOrDefault(fields.Header[c]), na, source));
        }
        catch (AggregateException e)
        {
            // The caller should see the reader's own message (row, column, text), not a parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return new DataFrame(columns);
    }
}
