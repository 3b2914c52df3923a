using Microsoft.AspNetCore.Html;
using NotebookDL.Display;
using Interactive = Microsoft.DotNet.Interactive.Formatting;

namespace NotebookDL.Kernel.Compat;

/// <summary>
/// Notebooks written for .NET Interactive format values through its <c>Microsoft.DotNet.Interactive.Formatting</c> API
/// (the real package ships with the kernel): what they register there is shown here. A value of a type with a
/// formatter the notebook registered (<c>Formatter.Register&lt;T&gt;(..., "text/html")</c>) gets that formatter's output
/// for its MIME type; a type given preferred MIME types (<c>Formatter.SetPreferredMimeTypesFor</c>) is shown in those
/// only. Everything else keeps NotebookDL's formatting (tensors printed as PyTorch does, figures with static images).
/// <see cref="IHtmlContent"/> (<c>HTML("...")</c>, PocketView tags) is HTML.
/// </summary>
internal static class DotNetInteractiveFormatting
{
    public static void Install()
    {
        Display.Formatter.Register<IHtmlContent>(html =>
        {
            using var writer = new StringWriter();
            html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            return new MimeBundle(MimeBundle.TextHtml, writer.ToString()).With(MimeBundle.TextPlain, writer.ToString());
        });
        Display.Formatter.HostOverrides = Apply;
        // Displays made through the package's own API (a value typed object: .NET Interactive's x.Display()).
        Interactive.Formatter.SubscribeToDisplayedValues(Show);
    }

    private static readonly object Gate = new();
    private static readonly Queue<string> Unclaimed = new();
    private static readonly Dictionary<string, string> UpdateTargets = [];

    private static void Show(Interactive.DisplayedValue displayed)
    {
        var bundle = Display.Formatter.Format(displayed.Value);
        var publisher = DisplayContext.Publisher ?? ConsolePublisher.Instance;
        string target;
        lock (Gate)
        {
            if (!displayed.IsUpdated)
            {
                publisher.Publish(bundle, displayed.DisplayId);
                Unclaimed.Enqueue(displayed.DisplayId);
                return;
            }
            // The package announces a display under one id and its handle's updates under another (measured with
            // 1.0.0-beta.26120.1): a handle's first update claims the oldest display no update has claimed yet.
            if (!UpdateTargets.TryGetValue(displayed.DisplayId, out target!))
                UpdateTargets[displayed.DisplayId] = target = Unclaimed.TryDequeue(out var oldest) ? oldest : displayed.DisplayId;
        }
        publisher.Update(bundle, target);
    }

    private static MimeBundle Apply(object value, MimeBundle bundle)
    {
        var type = value.GetType();
        // Formatters the notebook registered (not .NET Interactive's defaults): each replaces its MIME type.
        var registered = Interactive.Formatter.RegisteredFormatters(includeDefaults: false)
            .Where(f => Applies(f.Type, type)).Select(f => f.MimeType).Distinct(StringComparer.Ordinal).ToList();
        foreach (var mime in registered) bundle.Data[mime] = Interactive.Formatter.ToDisplayString(value, mime);

        // Preferred MIME types: .NET Interactive answers its default (text/html) for every type nobody configured.
        var preferred = Interactive.Formatter.GetPreferredMimeTypesFor(type);
        if (preferred.Count == 0 || preferred.All(m => m == Interactive.Formatter.DefaultMimeType)) return bundle;
        foreach (var mime in preferred.Where(m => !bundle.Data.ContainsKey(m))) bundle.Data[mime] = Interactive.Formatter.ToDisplayString(value, mime);
        bundle.KeepOnly(preferred);
        return bundle;
    }

    private static bool Applies(Type registered, Type actual) =>
        registered.IsAssignableFrom(actual)
        || registered.IsGenericTypeDefinition && Ancestry(actual).Any(t => t.IsGenericType && t.GetGenericTypeDefinition() == registered);

    private static IEnumerable<Type> Ancestry(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType) yield return t;
        foreach (var i in type.GetInterfaces()) yield return i;
    }
}
