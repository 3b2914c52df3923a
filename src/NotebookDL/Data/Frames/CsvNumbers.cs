using System.Runtime.CompilerServices;
using System.Globalization;

namespace NotebookDL.Data;

/// <summary>
/// Number parsing for the CSV reader. Most fields in real tables are short decimals ("0.0604965281", "37.99"), which
/// the fast path reads exactly: up to 19 significant digits into an integer, then one multiplication or division by
/// an exact power of ten when mantissa &lt; 2^53 and the power is at most 22 (Clinger's fast path, correctly rounded,
/// as the single IEEE operation rounds once). Everything else falls back to .NET's parser, so results never differ.
/// </summary>
internal static class CsvNumbers
{
    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInt64(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+')) { negative = s[0] == '-'; i = 1; }
        // 18 digits cannot overflow; longer numbers take the framework's checked path.
        if (s.Length - i is 0 or > 18) return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        long v = 0;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9) return false;
            v = v * 10 + d;
        }
        value = negative ? -v : v;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value)
    {
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+')) { negative = s[0] == '-'; i = 1; }
        ulong mantissa = 0;
        int digits = 0, exponent = 0;
        var any = false;
        for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++, any = true)
        {
            if (mantissa == 0 && s[i] == '0') continue; // leading zeros carry no precision
            if (++digits > 19) return Fallback(s, out value);
            mantissa = mantissa * 10 + (uint)(s[i] - '0');
        }
        if (i < s.Length && s[i] == '.')
        {
            for (i++; i < s.Length && (uint)(s[i] - '0') <= 9; i++, any = true)
            {
                exponent--;
                if (mantissa == 0 && s[i] == '0') continue;
                if (++digits > 19) return Fallback(s, out value);
                mantissa = mantissa * 10 + (uint)(s[i] - '0');
            }
        }
        if (!any) return Fallback(s, out value);
        if (i < s.Length)
        {
            if ((s[i] | 0x20) != 'e') return Fallback(s, out value);
            if (!TryParseExponent(s[(i + 1)..], out var e)) return Fallback(s, out value);
            exponent += e;
        }
        if (mantissa > (1UL << 53) || exponent is < -22 or > 22) return Fallback(s, out value);
        double result = mantissa;
        result = exponent < 0 ? result / PowersOfTen[-exponent] : result * PowersOfTen[exponent];
        value = negative ? -result : result;
        return true;
    }

    private static bool TryParseExponent(ReadOnlySpan<byte> s, out int exponent)
    {
        exponent = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+')) { negative = s[0] == '-'; i = 1; }
        if (i == s.Length || s.Length - i > 4) return false;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9) return false;
            exponent = exponent * 10 + (int)d;
        }
        if (negative) exponent = -exponent;
        return true;
    }

    private static bool Fallback(ReadOnlySpan<byte> s, out double value)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        // pandas reads inf and infinity in any case, signed or not (R writes Inf and -Inf); .NET only "Infinity".
        var negative = s.Length > 0 && s[0] == '-';
        var word = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? s[1..] : s;
        if (!System.Text.Ascii.EqualsIgnoreCase(word, "inf"u8) && !System.Text.Ascii.EqualsIgnoreCase(word, "infinity"u8)) return false;
        value = negative ? double.NegativeInfinity : double.PositiveInfinity;
        return true;
    }
}
