using System.Globalization;
using System.Xml.Linq;

namespace NotebookDL.Display.Plotting.Svg;

/// <summary>Number formatting and element construction for the SVG writer (culture-invariant on purpose: SVG needs '.').</summary>
internal static class SvgFormat
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static string Px(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public static string TickLabel(double value)
    {
        var abs = Math.Abs(value);
        if (abs != 0 && (abs >= 1e5 || abs < 1e-3)) return value.ToString("0.##e+0", CultureInfo.InvariantCulture).Replace("e+", "e");
        return value.ToString("G6", CultureInfo.InvariantCulture);
    }

    /// <summary>An SVG element with attributes given as name/value pairs (null values are skipped).</summary>
    public static XElement El(string name, params (string Name, object? Value)[] attributes)
    {
        var element = new XElement(Ns + name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null) continue;
            element.SetAttributeValue(attribute, value switch
            {
                double d => Px(d),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }
        return element;
    }

    public static XElement Text(string text, double x, double y, string anchor = "middle", string? cssClass = null, params (string Name, object? Value)[] extra)
    {
        var element = El("text", [("class", cssClass), ("x", x), ("y", y), ("text-anchor", anchor), .. extra]);
        element.Value = text;
        return element;
    }
}
