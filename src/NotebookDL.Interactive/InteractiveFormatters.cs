using NotebookDL.Display.Formatting;
using System.Runtime.CompilerServices;
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
    /// <summary>
    /// The types whose display NotebookDL defines: every type with its own registration in NotebookDL's formatter
    /// registry, the one list both hosts use (the kernel formats every value through it). System types (scalars,
    /// sequences, exceptions, object) keep the host's own formatting.
    /// </summary>
    public static IReadOnlyList<Type> Types
    {
        get
        {
            // NotebookDL registers its result types when its assembly loads; make sure it has.
            RuntimeHelpers.RunModuleConstructor(typeof(Learner).Module.ModuleHandle);
            return Bundles.RegisteredTypes.Where(t => !t.IsGenericTypeDefinition && t.Namespace?.StartsWith("System", StringComparison.Ordinal) != true).ToList();
        }
    }

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
