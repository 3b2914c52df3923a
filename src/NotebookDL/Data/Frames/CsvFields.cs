using System.Runtime.CompilerServices;
using System.Text;

namespace NotebookDL.Data;

/// <summary>
/// One pass over a CSV file's bytes (RFC 4180: quoted fields may hold separators, newlines and doubled quotes)
/// that records where each field starts and ends, without converting anything. Columns are converted afterwards,
/// one per core, from these offsets: type inference needs the whole column before it can decide.
/// </summary>
internal sealed class CsvFields
{
    private const byte Quote = (byte)'"';

    private readonly byte[] data;
    private readonly byte separator;
    private readonly string source;
    // Per field: its start, and its length, stored as ~length when the quoted field holds doubled quotes.
    private int[] starts = new int[4096];
    private int[] lengths = new int[4096];
    private readonly List<int> rowLines = [];
    private int count;

    private CsvFields(byte[] data, byte separator, string source) => (this.data, this.separator, this.source) = (data, separator, source);

    /// <summary>Column names from the first row.</summary>
    public string[] Header { get; private set; } = [];

    public int Columns => Header.Length;

    /// <summary>Data rows (the header excluded).</summary>
    public int Rows => count / Columns;

    /// <summary>The 1-based line of the file where data row <paramref name="row"/> starts (for error messages).</summary>
    public int LineOf(int row) => rowLines[row];

    /// <summary>The raw bytes of a field; quoted fields come without their quotes (doubled quotes still doubled).</summary>
    public ReadOnlySpan<byte> Field(int row, int column)
    {
        var i = row * Columns + column;
        var length = lengths[i];
        return data.AsSpan(starts[i], length < 0 ? ~length : length);
    }

    /// <summary>Whether field <paramref name="i"/> was written in quotes (a quoted field starts right after its opening quote).</summary>
    private bool IsQuoted(int i) => starts[i] > 0 && data[starts[i] - 1] == Quote;

    /// <summary>The field as text, with doubled quotes unescaped.</summary>
    public string Text(int row, int column) => Text(row * Columns + column);

    private string Text(int i)
    {
        var length = lengths[i];
        var text = Encoding.UTF8.GetString(data, starts[i], length < 0 ? ~length : length);
        return length < 0 ? text.Replace("\"\"", "\"") : text;
    }

    /// <summary>Splits <paramref name="data"/> (the whole file) into fields; the first row is the header.</summary>
    /// <param name="data">The file's bytes (UTF-8, an optional byte-order mark).</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="source">Names the file in error messages.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsvFields Split(byte[] data, byte separator, string source)
    {
        var fields = new CsvFields(data, separator, source);
        var position = data.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var line = 1;
        position = fields.ReadRow(position, ref line);
        fields.Header = Enumerable.Range(0, fields.count).Select(i => fields.Text(i)).ToArray();
        fields.count = 0;
        if (fields.Header is [] or [""]) throw new FormatException($"{source}: the file is empty (no header row).");
        var duplicate = fields.Header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"{source}: the header names column \"{duplicate.Key}\" more than once.");

        while (position < data.Length)
        {
            var rowLine = line;
            var before = fields.count;
            position = fields.ReadRow(position, ref line);
            var found = fields.count - before;
            // A blank line is skipped (as pandas does); a line holding a quoted empty field ("") is a row with a missing value.
            if (found == 1 && fields.lengths[before] == 0 && !fields.IsQuoted(before)) { fields.count = before; continue; }
            if (found != fields.Columns)
                throw new FormatException($"{source}, line {rowLine}: expected {fields.Columns} fields as in the header, found {found}.");
            fields.rowLines.Add(rowLine);
        }
        return fields;
    }

    /// <summary>Reads one row starting at <paramref name="position"/>; returns the position after its line end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadRow(int position, ref int line)
    {
        var span = data.AsSpan();
        while (true)
        {
            int end;
            if (position < span.Length && span[position] == Quote)
            {
                var (start, length, escaped, after) = QuotedField(position, ref line);
                Add(start, escaped ? ~length : length);
                end = after;
                if (end < span.Length && span[end] != separator && span[end] != '\n' && span[end] != '\r')
                    throw new FormatException($"{source}, line {line}: unexpected text after a closing quote.");
            }
            else
            {
                var stop = span[position..].IndexOfAny(separator, (byte)'\n');
                end = stop < 0 ? span.Length : position + stop;
                var fieldEnd = end > position && span[end - 1] == '\r' ? end - 1 : end;
                Add(position, fieldEnd - position);
            }
            if (end >= span.Length) return span.Length;
            if (span[end] == separator) { position = end + 1; continue; }
            if (span[end] == '\r') end++;
            line++;
            return end + 1;
        }
    }

    private (int Start, int Length, bool Escaped, int After) QuotedField(int position, ref int line)
    {
        var span = data.AsSpan();
        var start = position + 1;
        var i = start;
        var escaped = false;
        var opened = line;
        while (true)
        {
            var next = span[i..].IndexOfAny(Quote, (byte)'\n');
            if (next < 0) throw new FormatException($"{source}, line {opened}: the quoted field that opens here is never closed.");
            i += next;
            if (span[i] == '\n') { line++; i++; continue; }
            if (i + 1 < span.Length && span[i + 1] == Quote) { escaped = true; i += 2; continue; }
            return (start, i - start, escaped, i + 1);
        }
    }

    private void Add(int start, int length)
    {
        if (count == starts.Length)
        {
            Array.Resize(ref starts, count * 2);
            Array.Resize(ref lengths, count * 2);
        }
        starts[count] = start;
        lengths[count] = length;
        count++;
    }
}
