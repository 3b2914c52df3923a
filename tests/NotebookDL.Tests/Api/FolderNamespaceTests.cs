using System.Text.RegularExpressions;

namespace NotebookDL.Tests.Api;

/// <summary>In the fastai layer and its data sets, a file's top folder names its namespace: src/NotebookDL/Vision/... is NotebookDL.Vision(.…).</summary>
public partial class FolderNamespaceTests
{
    [Theory]
    [InlineData("src/NotebookDL/NotebookDL.csproj")]
    [InlineData("src/NotebookDL.Datasets/NotebookDL.Datasets.csproj")]
    public void Each_top_folder_is_its_namespace(string project)
    {
        var root = Path.GetDirectoryName(RepoFiles.Find(project))!;
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count >= 3, $"found {files.Count} files under {root}");

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            var expected = relative.Length == 1 ? "NotebookDL" : "NotebookDL." + relative[0];
            var declared = Namespace().Match(File.ReadAllText(file));
            if (!declared.Success) continue; // assembly attributes only
            var ns = declared.Groups[1].Value;
            if (ns != expected && !ns.StartsWith(expected + ".", StringComparison.Ordinal)) wrong.Add($"{string.Join('/', relative)}: {ns}");
        }
        Assert.True(wrong.Count == 0, "Files whose namespace is not their folder: " + string.Join("; ", wrong));
    }

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
