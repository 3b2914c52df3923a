using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookDL.Engine;
using NotebookDL.Hosting;

namespace NotebookDL.Kernel.Tests;

/// <summary>
/// The rewrite that sends a cell's calls of aborting TorchSharp operations to NotebookDL's guards: what it rewrites,
/// what it leaves alone, and that the cells still mean the same (run in the interpreter).
/// </summary>
[Collection("interpreter")]
public sealed class GuardRewriterTests(InterpreterFixture fixture)
{
    private static readonly CSharpParseOptions Script = new(kind: SourceCodeKind.Script, languageVersion: LanguageVersion.Latest);

    private static CSharpCompilation Compile(params SyntaxTree[] trees)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[] { typeof(TorchSharp.torch).Assembly, typeof(NativeGuards).Assembly, typeof(Microsoft.Data.Analysis.DataFrame).Assembly }
            .Select(a => a.Location);
        return CSharpCompilation.Create("cell", trees, platform.Concat(ours).Distinct().Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ["System", "TorchSharp"]));
    }

    private static string? RewriteCell(string code) =>
        GuardRewriter.Rewrite(Compile(CSharpSyntaxTree.ParseText("using static TorchSharp.torch;\n" + code, Script)))?.Split('\n', 2)[1];

    [Fact]
    public void Instance_static_and_extension_calls_are_rewritten_on_the_same_lines()
    {
        var code = "var a = ones(2, 3);\nvar p = a.matmul(a.t());\nvar q = torch.matmul(a, a.t());\nvar s = 1e20.ToScalar().ToInt32();";
        var rewritten = RewriteCell(code)!;
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
        Assert.Contains("var p = global::NotebookDL.Engine.NativeGuards.matmul(a/*.matmul(*/, a.t());", rewritten);
        Assert.Contains("var q = /*torch.matmul*/global::NotebookDL.Engine.NativeGuards.matmul(a, a.t());", rewritten);
        Assert.Contains("global::NotebookDL.Engine.NativeGuards.ToInt32(1e20.ToScalar()/*.ToInt32(*/);", rewritten);
        Assert.Empty(Compile(CSharpSyntaxTree.ParseText("using static TorchSharp.torch;\n" + rewritten, Script))
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_users_own_matmul_and_safe_operations_are_left_alone()
    {
        Assert.Null(RewriteCell("class M { public int matmul(int x) => x; }\nvar m = new M().matmul(2);"));
        Assert.Null(RewriteCell("var a = ones(2, 3);\nvar b = a.mm(a.t()).cumsum(0);"));
    }

    [Fact]
    public void Guarded_cells_compute_what_TorchSharp_computes()
    {
        // The same products through matmul (guarded) and mm/mv (not guarded: they throw on their own).
        var (outcome, output) = fixture.Run("var ga = torch.randn(2, 3);\nvar gb = ga.matmul(ga.t()).matmul(torch.ones(2));\n" +
                                            "var gc = ga.mm(ga.t()).mv(torch.ones(2));\n" +
                                            "$\"{gb.equal(gc).all().item<bool>()} {ga.cummax(1).values.equal(torch.cummax(ga, 1).values).all().item<bool>()}\"");
        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal("True True", output.Result!.Data[Display.MimeBundle.TextPlain]);
    }

    [Fact]
    public void An_aborting_call_in_a_cell_throws_and_names_the_shapes()
    {
        var (outcome, _) = fixture.Run("var bad = torch.ones(2, 3);\nbad.matmul(bad)");
        Assert.Equal("ArgumentException", outcome.Error!.Name);
        Assert.Equal("matmul: (2x3) @ (2x3): inner sizes 3 and 2 differ.", outcome.Error.Value);
        Assert.Contains(outcome.Error.Traceback, line => line.Contains("line 2"));
    }

    [Fact]
    public void NotebookDL_itself_calls_no_aborting_operation_except_through_its_guards()
    {
        var library = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(library.FullName, "src", "NotebookDL", "NotebookDL.csproj"))) library = library.Parent!;
        var sources = Directory.GetFiles(Path.Combine(library.FullName, "src", "NotebookDL"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("NativeGuards.cs") && !f.EndsWith("NativeGuards.Scalars.cs"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), f)).ToArray();
        Assert.True(sources.Length > 100);
        var compilation = Compile(sources);
        var offenders = sources.Where(t => GuardRewriter.Rewrite(compilation, t) is not null).Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Empty(offenders);
    }
}
