using System.Runtime.CompilerServices;
using System.Text;

namespace NotebookDL.Data;

/// <summary>
/// The texts a CSV reader takes as missing. The default is pandas' list (so a file reads the same in both), which
/// includes R's <c>NA</c> and the empty field.
/// </summary>
internal sealed class NaValues
{
    /// <summary>pandas 1.5's default <c>na_values</c>.</summary>
    public static readonly IReadOnlyList<string> Default =
        ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null"];

    private readonly byte[][] values;
    private readonly bool[] firstBytes = new bool[256];
    private readonly bool[] lengths;
    private readonly bool empty;

    public NaValues(IEnumerable<string> texts)
    {
        values = texts.Select(t => Encoding.UTF8.GetBytes(t)).Where(v => v.Length > 0).ToArray();
        empty = texts.Contains("");
        lengths = new bool[values.Select(v => v.Length).DefaultIfEmpty(0).Max() + 1];
        foreach (var value in values)
        {
            firstBytes[value[0]] = true;
            lengths[value.Length] = true;
        }
    }

    /// <summary>Called for every field: length and first byte rule out nearly all of them before any comparison.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return empty;
        if (field.Length >= lengths.Length || !lengths[field.Length] || !firstBytes[field[0]]) return false;
        foreach (var value in values)
            if (field.SequenceEqual(value)) return true;
        return false;
    }
}
