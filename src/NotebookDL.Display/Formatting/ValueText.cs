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

    /// <summary>
    /// A number as people write it: <paramref name="digits"/> significant digits and Python's exponent style, so
    /// 8.000000000000001E-06 reads 8e-06 and 0.009120108393559097 reads 0.00912.
    /// </summary>
    public static string Number(double value, int digits = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(digits);
        var text = value.ToString("G" + digits, CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        return e < 0 ? text : text[..e] + "e" + text[(e + 1)..];
    }

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
