namespace NotebookDL.Display.Imaging;

/// <summary>
/// A 256-entry colour lookup table mapping t in [0, 1] to RGB. Values outside [0, 1] are clamped and NaN maps to 0,
/// so a stray value in a heatmap cannot throw.
/// </summary>
public sealed class ColorMap
{
    private readonly (byte R, byte G, byte B)[] table;

    private ColorMap(string name, (byte R, byte G, byte B)[] table)
    {
        Name = name;
        this.table = table;
    }

    // Viridis and magma are matplotlib's colour maps (van der Walt & Smith, CC0). Rather than embedding the full
    // published 256-entry tables, we take the maps' values at t = 0, 0.1, ..., 1 (their standard 11-step sampling)
    // and interpolate linearly in RGB; the maps are nearly linear between those anchors, so the error is a few
    // levels per channel at most.

    /// <summary>matplotlib's viridis (dark purple - teal - yellow), perceptually uniform.</summary>
    public static ColorMap Viridis { get; } = FromAnchors("viridis",
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725);

    /// <summary>matplotlib's magma (black - purple - orange - pale yellow).</summary>
    public static ColorMap Magma { get; } = FromAnchors("magma",
        0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779, 0xde4968, 0xf7705c, 0xfe9f6d, 0xfecf92, 0xfcfdbf);

    /// <summary>Black to white.</summary>
    public static ColorMap Gray { get; } = FromAnchors("gray", 0x000000, 0xffffff);

    /// <summary>Lower-case name ("viridis").</summary>
    public string Name { get; }

    /// <summary>The 256 table entries, index 0 for t = 0.</summary>
    public IReadOnlyList<(byte R, byte G, byte B)> Table => table;

    /// <summary>Looks up <paramref name="t"/> (0..1) in the table.</summary>
    public (byte r, byte g, byte b) Map(double t)
    {
        if (double.IsNaN(t)) t = 0;
        var index = (int)Math.Round(Math.Clamp(t, 0, 1) * (table.Length - 1));
        return table[index];
    }

    /// <summary>Maps <paramref name="value"/> from [<paramref name="min"/>, <paramref name="max"/>]; a flat range maps to the middle.</summary>
    public (byte r, byte g, byte b) Map(double value, double min, double max) =>
        Map(max > min ? (value - min) / (max - min) : 0.5);

    /// <summary>"#rrggbb" for <paramref name="t"/>, as SVG and Plotly colour strings.</summary>
    public string Hex(double t)
    {
        var (r, g, b) = Map(t);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    /// <summary>Builds a map by linear interpolation between evenly spaced 0xRRGGBB anchor colours.</summary>
    public static ColorMap FromAnchors(string name, params int[] anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Length < 2) throw new ArgumentException($"A colour map needs at least 2 anchors, got {anchors.Length}.", nameof(anchors));
        var table = new (byte, byte, byte)[256];
        for (var i = 0; i < table.Length; i++)
        {
            var position = i / 255.0 * (anchors.Length - 1);
            var lower = Math.Min((int)position, anchors.Length - 2);
            var fraction = position - lower;
            table[i] = (Lerp(anchors[lower] >> 16, anchors[lower + 1] >> 16, fraction),
                        Lerp(anchors[lower] >> 8, anchors[lower + 1] >> 8, fraction),
                        Lerp(anchors[lower], anchors[lower + 1], fraction));
        }
        return new ColorMap(name, table);
    }

    private static byte Lerp(int from, int to, double fraction) =>
        (byte)Math.Round((from & 0xFF) + ((to & 0xFF) - (from & 0xFF)) * fraction);

    public override string ToString() => Name;
}
