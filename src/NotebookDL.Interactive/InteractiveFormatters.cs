using NotebookDL.Display.Formatting;
using NotebookDL.Learning;
using TorchSharp;
using Bundles = NotebookDL.Display.Formatter;
using HostFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NotebookDL.Interactive;

/// <summary>
/// Teaches .NET Interactive's formatter to show NotebookDL's values through NotebookDL's own registry, the one
/// source of truth the Jupyter kernel uses too. Only text/html and text/plain are declared, because the host emits an
/// empty part for a declared MIME type whose formatter declines: pictures travel inside the HTML.
/// </summary>
public static class InteractiveFormatters
{
    /// <summary>The types whose display NotebookDL defines (everything else keeps the host's own formatting).</summary>
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(torch.Tensor), typeof(Display.Plotting.Figure), typeof(Display.Tensors.Heatmap), typeof(Display.MimeBundle),
        typeof(LearnerSummary), typeof(LrFindResult), typeof(Inspect.ItemHeatmap), typeof(Text.TokenAttribution),
        // MDA's own view needs JavaScript (empty in static renderings); ours is a plain table.
        typeof(Microsoft.Data.Analysis.DataFrame),
    ];

    /// <summary>Registers the bridge for every type in <see cref="Types"/>.</summary>
    public static void Register()
    {
        foreach (var type in Types)
        {
            HostFormatter.Register(type, (value, writer) => writer.Write(Format(value).ToSingleHtml()), "text/html");
            HostFormatter.Register(type, (value, writer) => writer.Write(Format(value).Data[Display.MimeBundle.TextPlain]), "text/plain");
            HostFormatter.SetPreferredMimeTypesFor(type, "text/html", "text/plain");
        }
    }

    // A bundle a cell returns (ShowBatch, PlotTopLosses) is shown as it is, not formatted as an object.
    private static Display.MimeBundle Format(object value) => value as Display.MimeBundle ?? Bundles.Format(value);
}
