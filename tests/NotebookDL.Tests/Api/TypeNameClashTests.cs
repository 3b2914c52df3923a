using System.Reflection;

namespace NotebookDL.Tests.Api;

/// <summary>
/// A notebook imports TorchSharp's namespaces next to ours (<c>using TorchSharp.Modules;</c> for layer types,
/// <c>using static TorchSharp.torch;</c> for <c>Tensor</c>, <c>nn</c>, <c>optim</c>), and TorchVision adds to
/// <c>TorchSharp.Modules</c>. A public NotebookDL type with the same simple name as one of those makes the user's
/// code ambiguous (CS0104), so no such name may exist.
/// </summary>
public class TypeNameClashTests
{
    private static readonly string[] ImportedNamespaces = ["TorchSharp", "TorchSharp.Modules"];

    [Fact]
    public void No_public_NotebookDL_type_shares_a_name_with_a_type_a_notebook_imports_from_TorchSharp()
    {
        var torchAssemblies = new[] { typeof(torch).Assembly, typeof(TorchSharp.Modules.ResNet).Assembly };
        var imported = torchAssemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => (t.DeclaringType is null && ImportedNamespaces.Contains(t.Namespace)) || t.DeclaringType == typeof(torch))
            .Select(SimpleName)
            .ToHashSet();
        Assert.Contains("Tensor", imported);  // the probe sees torch's nested types
        Assert.Contains("Linear", imported);  // and TorchSharp.Modules

        var ours = new[] { typeof(global::NotebookDL.Learning.Learner).Assembly, typeof(global::NotebookDL.Display.MimeBundle).Assembly, typeof(global::NotebookDL.Vision.Datasets).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.DeclaringType is null && t.Namespace?.StartsWith("NotebookDL", StringComparison.Ordinal) == true);
        var clashes = ours.Where(t => imported.Contains(SimpleName(t))).Select(t => t.FullName).Order().ToList();

        Assert.True(clashes.Count == 0, "Public types that clash with TorchSharp's: " + string.Join(", ", clashes));
    }

    [Fact]
    public void Each_simple_type_name_is_public_once_across_NotebookDL()
    {
        var ours = new[] { typeof(global::NotebookDL.Learning.Learner).Assembly, typeof(global::NotebookDL.Display.MimeBundle).Assembly, typeof(global::NotebookDL.Vision.Datasets).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.DeclaringType is null);
        var twice = ours.GroupBy(SimpleName).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(t => t.FullName).Order())).Order().ToList();

        Assert.True(twice.Count == 0, "Names public more than once: " + string.Join("; ", twice));
    }

    private static string SimpleName(Type t) => t.Name.Split('`')[0];
}
