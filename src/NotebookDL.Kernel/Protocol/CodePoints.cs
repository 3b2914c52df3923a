namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// Since protocol 5.2 cursor positions count Unicode code points, while .NET strings index UTF-16 units;
/// a character outside the BMP (an emoji) is one code point but two units.
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 index of code point number <paramref name="codePoint"/> in <paramref name="text"/> (clamped).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        int index = 0;
        for (int n = 0; n < codePoint && index < text.Length; n++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="utf16Index"/> (clamped).</summary>
    public static int FromUtf16(string text, int utf16Index)
    {
        int end = Math.Clamp(utf16Index, 0, text.Length), count = 0;
        for (int i = 0; i < end; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }
}
