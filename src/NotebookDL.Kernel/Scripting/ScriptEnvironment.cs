using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// The starting <see cref="ScriptOptions"/> of a kernel: default usings, framework references, and the
/// NotebookDL assemblies found next to the kernel (Torch and the fastai layer are optional at run time).
/// </summary>
internal static class ScriptEnvironment
{
    /// <summary>Usings every cell starts with.</summary>
    public static readonly string[] DefaultImports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.IO", "System.Threading.Tasks",
        "NotebookDL.Display.Displayer", // using static: cells call Display(x) directly
        // Not NotebookDL.Display itself: its Formatter and x.Display() would clash with .NET Interactive's, which notebooks
        // call by their short names (x.Display() is .NET Interactive's System.DisplayExtensions; Compat/ shows it).
        "Microsoft.DotNet.Interactive.Formatting", // .NET Interactive's default: Formatter.Register<T>(...), ToDisplayString
        "NotebookDL.Kernel.Scripting.CellGlobals", // using static: Rng, display(x), HTML(...)
    ];

    /// <summary>Extra usings added when TorchSharp.dll is present (shared with the extension: Hosting.DefaultUsings).</summary>
    public static readonly string[] TorchImports = [.. Hosting.DefaultUsings.Torch.Select(Hosting.DefaultUsings.Import)];

    /// <summary>Extra usings added when NotebookDL.dll (the fastai layer) is present (Hosting.DefaultUsings).</summary>
    public static readonly string[] FastaiImports = [.. Hosting.DefaultUsings.NotebookDL.Select(Hosting.DefaultUsings.Import)];

    /// <summary>Whether NotebookDL.dll sits next to the kernel.</summary>
    public static bool HasFastai => File.Exists(Path.Combine(KernelDirectory, "NotebookDL.dll"));

    /// <summary>Framework assemblies beyond Roslyn's defaults that notebooks commonly need.</summary>
    private static readonly string[] FrameworkAssemblies =
    [
        "System.Net.Http", "System.Text.Json", "System.Runtime.Numerics", "System.Memory", "System.Collections.Immutable",
        "System.Text.RegularExpressions", "System.Diagnostics.Process", "System.Linq.Expressions", "System.ComponentModel.Primitives",
    ];

    /// <summary>Parse options shared by execution and by completion/is_complete, so both see the same language.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>The directory the kernel assembly lives in (where optional NotebookDL assemblies are looked for).</summary>
    public static string KernelDirectory => AppContext.BaseDirectory;

    /// <summary>Whether TorchSharp.dll sits next to the kernel.</summary>
    public static bool HasTorch => File.Exists(Path.Combine(KernelDirectory, "TorchSharp.dll"));

    /// <summary>Builds the options of the first submission.</summary>
    public static ScriptOptions Create()
    {
        var references = new List<MetadataReference>();
        foreach (var name in new[] { "TorchSharp.dll", "TorchVision.dll", "NotebookDL.dll", "NotebookDL.Datasets.dll", "Microsoft.Data.Analysis.dll" })
        {
            var path = Path.Combine(KernelDirectory, name);
            if (File.Exists(path)) references.Add(DocumentedReference.FromFile(path));
        }

        var imports = DefaultImports.AsEnumerable();
        if (HasTorch) imports = imports.Concat(TorchImports);
        if (HasTorch && HasFastai) imports = imports.Concat(FastaiImports);
        return ScriptOptions.Default
            .AddReferences(FrameworkAssemblies.Select(TryLoad).OfType<Assembly>())
            // By Assembly, not by file: scripting then knows they are already loaded, and a later #r does not
            // resolve a second copy of NotebookDL.Display by name (which made Display(x) ambiguous).
            .AddReferences(typeof(NotebookDL.Display.MimeBundle).Assembly, typeof(Cancellation).Assembly,
                           typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly, typeof(Microsoft.AspNetCore.Html.HtmlString).Assembly)
            .AddReferences(references)
            .WithImports(imports)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Release) // notebook loops should run at full speed
            .WithEmitDebugInformation(true) // line numbers in tracebacks
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(Environment.CurrentDirectory));
    }

    private static Assembly? TryLoad(string name)
    {
        try { return Assembly.Load(name); }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException) { return null; }
    }
}
