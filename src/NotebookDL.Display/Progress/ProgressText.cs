using System.Globalization;

namespace NotebookDL.Display;

/// <summary>Formatting shared by the notebook and console forms of <see cref="ProgressDisplay"/>.</summary>
internal static class ProgressText
{
    /// <summary>"mm:ss", or "h:mm:ss" past an hour.</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}"
        : $"{(int)span.TotalMinutes:00}:{span.Seconds:00}";

    /// <summary>"12/100 [00:03&lt;00:25, 3.91 it/s]" — count, elapsed &lt; remaining, rate.</summary>
    public static string Status(int value, int total, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        var rate = seconds > 0 ? value / seconds : 0;
        var eta = rate > 0 && total > value ? TimeSpan.FromSeconds((total - value) / rate) : TimeSpan.Zero;
        var rateText = rate >= 1 || rate == 0
            ? $"{rate.ToString("0.00", CultureInfo.InvariantCulture)} it/s"
            : $"{(1 / rate).ToString("0.00", CultureInfo.InvariantCulture)} s/it";
        return $"{value}/{total} [{Duration(elapsed)}<{Duration(eta)}, {rateText}]";
    }

    /// <summary>A text bar such as "[=====>    ]".</summary>
    public static string Bar(int value, int total, int width = 30)
    {
        var fraction = total > 0 ? Math.Clamp((double)value / total, 0, 1) : 0;
        var filled = (int)Math.Round(fraction * width);
        var head = filled < width && filled > 0 ? ">" : "";
        return "[" + new string('=', filled - head.Length) + head + new string(' ', width - filled) + "]";
    }

    public static int Percent(int value, int total) => total > 0 ? (int)Math.Floor(100.0 * Math.Clamp(value, 0, total) / total) : 0;

    /// <summary>Table cells read like fastai's: losses with 6 decimals, durations as mm:ss.</summary>
    public static string Cell(object? value) => value switch
    {
        double d => d.ToString("0.000000", CultureInfo.InvariantCulture),
        float f => f.ToString("0.000000", CultureInfo.InvariantCulture),
        TimeSpan t => Duration(t),
        _ => Formatting.ValueText.Of(value),
    };
}
