namespace NotebookDL.Display.Plotting;

/// <summary>
/// How wide a line of text will draw, estimated without a font: the SVG names a generic sans-serif family, so the
/// browser picks the glyphs and layout can only budget an average width per character.
/// </summary>
public static class TextWidth
{
    /// <summary>Budgeted advance of an average sans-serif character, in em: 6.5 px at 11 px, the figures' label size.</summary>
    public const double EmPerChar = 6.5 / 11;

    /// <summary>Estimated width in pixels of <paramref name="chars"/> characters at <paramref name="fontSize"/> px.</summary>
    public static double Of(int chars, double fontSize = 11) => chars * EmPerChar * fontSize;

    /// <summary>Estimated width in pixels of <paramref name="text"/> at <paramref name="fontSize"/> px.</summary>
    public static double Of(string text, double fontSize = 11) => Of(text.Length, fontSize);
}
