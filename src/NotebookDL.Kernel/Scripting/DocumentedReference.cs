using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Finds XML documentation for symbols, so inspect can show summaries: the .xml next to an assembly
/// (our projects generate them), else the framework reference pack's file of the same name.
/// </summary>
internal static class DocumentedReference
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, string>?> Cache = new(StringComparer.Ordinal);

    /// <summary>A metadata reference for <paramref name="path"/>.</summary>
    public static MetadataReference FromFile(string path) => MetadataReference.CreateFromFile(path);

    /// <summary>The &lt;summary&gt; text of <paramref name="symbol"/>, or null.</summary>
    public static string? Summary(ISymbol symbol)
    {
        var fromSource = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(fromSource)) return SummaryOf(fromSource);

        var id = (symbol is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : symbol.OriginalDefinition).GetDocumentationCommentId();
        var assembly = symbol.ContainingAssembly?.Name;
        if (id is null || assembly is null) return null;
        foreach (var file in CandidateFiles(assembly))
        {
            var docs = Cache.GetOrAdd(file, Load);
            if (docs is not null && docs.TryGetValue(id, out var summary)) return summary;
        }
        return null;
    }

    private static IEnumerable<string> CandidateFiles(string assemblyName)
    {
        var names = assemblyName == "System.Private.CoreLib" ? new[] { "System.Runtime", "System.Private.CoreLib" } : [assemblyName];
        var local = AppContext.BaseDirectory;
        var refPack = FrameworkReferenceDirectory();
        foreach (var name in names)
        {
            yield return Path.Combine(local, name + ".xml");
            if (refPack is not null) yield return Path.Combine(refPack, name + ".xml");
        }
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/&lt;newest&gt;/ref/net*/ (XML docs of the framework).</summary>
    private static string? FrameworkReferenceDirectory()
    {
        try
        {
            // typeof(object) lives in dotnet/shared/Microsoft.NETCore.App/<version>/
            var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs)) return null;
            var newest = Directory.GetDirectories(packs).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).FirstOrDefault();
            return newest is null ? null : Directory.GetDirectories(Path.Combine(newest, "ref")).OrderDescending().FirstOrDefault();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<string, string>? Load(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            var docs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in XDocument.Load(file).Descendants("member"))
            {
                var name = (string?)member.Attribute("name");
                var summary = member.Element("summary");
                if (name is not null && summary is not null) docs[name] = Flatten(summary);
            }
            return docs;
        }
        catch (Exception ex)
        {
            KernelLog.Warn($"cannot read XML docs {file}: {ex.Message}");
            return null;
        }
    }

    private static string? SummaryOf(string xml)
    {
        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            return summary is null ? null : Flatten(summary);
        }
        catch (System.Xml.XmlException) { return null; }
    }

    /// <summary>Summary text with &lt;see cref&gt; reduced to the referenced name and whitespace collapsed.</summary>
    private static string Flatten(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => ShortName((string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? e.Value),
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
            XElement e => e.Value,
            _ => "",
        });
        return string.Join(" ", string.Concat(parts).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }
}
