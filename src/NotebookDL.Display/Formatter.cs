using NotebookDL.Display.Formatting;

namespace NotebookDL.Display;

/// <summary>
/// The formatter registry: turns any value into a <see cref="MimeBundle"/>.
/// Resolution picks the most specific registration for the runtime type: the exact type, then base classes
/// nearest first, then implemented interfaces (most derived first), and only then <see cref="object"/>.
/// Open generic registrations (<c>typeof(List&lt;&gt;)</c>) match any closed form at the same position.
/// Registration is thread-safe and may happen at any time; the latest registration for a type replaces the earlier one.
/// </summary>
public static class Formatter
{
    private static readonly TypeTable<Func<object, MimeBundle>> Formatters = new();
    private static readonly TypeTable<string[]> Preferences = new();

    static Formatter() => BuiltInFormatters.RegisterAll();

    /// <summary>Registers <paramref name="format"/> for <typeparamref name="T"/> and everything deriving from it.</summary>
    public static void Register<T>(Func<T, MimeBundle> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Register(typeof(T), value => format((T)value));
    }

    /// <summary>Registers <paramref name="format"/> for <paramref name="type"/> (may be an open generic definition).</summary>
    public static void Register(Type type, Func<object, MimeBundle> format)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(format);
        Formatters.Set(type, format);
    }

    /// <summary>The types with a registration of their own (exact or open generic), oldest first.</summary>
    public static IReadOnlyList<Type> RegisteredTypes => Formatters.Types;

    /// <summary>
    /// Restricts what <see cref="Format"/> returns for <typeparamref name="T"/> to the given MIME types
    /// (text/plain is always kept). <c>SetPreferredMimeTypes&lt;int&gt;(MimeBundle.TextPlain)</c> means "plain text only".
    /// </summary>
    public static void SetPreferredMimeTypes<T>(params string[] mimeTypes) => SetPreferredMimeTypes(typeof(T), mimeTypes);

    /// <summary>Non-generic form of <see cref="SetPreferredMimeTypes{T}"/>.</summary>
    public static void SetPreferredMimeTypes(Type type, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(mimeTypes);
        Preferences.Set(type, [.. mimeTypes]);
    }

    /// <summary>The preferred MIME types in effect for <paramref name="type"/>, or null when all are allowed.</summary>
    public static IReadOnlyList<string>? GetPreferredMimeTypes(Type type) => Preferences.Find(type);

    /// <summary>
    /// Formats <paramref name="value"/>. Never returns a bundle without text/plain: if the formatter left it out,
    /// <see cref="object.ToString"/> fills it in. A formatter that throws falls back to plain text with the error,
    /// because a display must never break the cell that asked for it.
    /// </summary>
    public static MimeBundle Format(object? value)
    {
        if (value is null) return MimeBundle.PlainText("null");

        var type = value.GetType();
        MimeBundle bundle;
        try
        {
            var format = Formatters.Find(type);
            bundle = format is null ? new MimeBundle() : format(value) ?? new MimeBundle();
        }
        catch (Exception ex)
        {
            bundle = MimeBundle.PlainText($"{SafeToString(value)}\n(formatter for {TypeNames.Friendly(type)} failed: {ex.GetType().Name}: {ex.Message})");
        }

        if (!bundle.Data.ContainsKey(MimeBundle.TextPlain)) bundle.Data[MimeBundle.TextPlain] = SafeToString(value);

        var preferred = Preferences.Find(type);
        if (preferred is not null) bundle.KeepOnly(preferred);
        if (HostOverrides is { } overrides)
        {
            try { bundle = overrides(value, bundle); }
            catch (Exception ex) { bundle.Data[MimeBundle.TextPlain] += $"\n(the host's formatter for {TypeNames.Friendly(type)} failed: {ex.GetType().Name}: {ex.Message})"; }
        }
        return bundle;
    }

    /// <summary>
    /// Set by a host to let formatters that users register through another API replace this registry's output: it gets
    /// the value and this registry's bundle and returns the bundle to show. Our kernel uses it for notebooks written for
    /// .NET Interactive, whose <c>Formatter.Register&lt;T&gt;(...)</c> and <c>SetPreferredMimeTypesFor</c> must keep working.
    /// </summary>
    public static Func<object, MimeBundle, MimeBundle>? HostOverrides { get; set; }

    private static string SafeToString(object value)
    {
        try
        {
            return value.ToString() ?? "";
        }
        catch (Exception ex)
        {
            return $"<{TypeNames.Friendly(value.GetType())}: ToString threw {ex.GetType().Name}>";
        }
    }
}
