using System.Collections;
using System.Globalization;

namespace NotebookDL.Display.Formatting;

/// <summary>
/// Short, culture-invariant text for a value inside a table cell or a one-line summary. Nested sequences
/// are abbreviated rather than formatted recursively, so self-referencing object graphs cannot loop.
/// </summary>
public static class ValueText
{
    private const int MaxInlineItems = 10;

    /// <summary>The complete culture-invariant text of a scalar (doubles round-trip: 0.3333333333333333).</summary>
    public static string Full(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Short text for a table cell: doubles to 6 significant digits, sequences abbreviated.</summary>
    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => s,
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => Inline(sequence),
        _ => value.ToString() ?? "",
    };

    private static string Inline(IEnumerable sequence)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == MaxInlineItems)
            {
                more = true;
                break;
            }
            // Nested sequences are not expanded again: one level is enough to recognise the value.
            items.Add(item is IEnumerable and not string ? "[…]" : Of(item));
        }
        return "[" + string.Join(", ", items) + (more ? ", …" : "") + "]";
    }
}
