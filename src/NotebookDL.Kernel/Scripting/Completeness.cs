using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// is_complete from the parser: an unfinished submission (open brace, dangling operator, ...) is incomplete
/// and gets an indent for the next line; a finished one with syntax errors is invalid.
/// </summary>
internal static class Completeness
{
    private const string IndentUnit = "    ";

    public static IsCompleteResult Check(string code)
    {
        if (string.IsNullOrWhiteSpace(code)) return new(CompletenessStatus.Complete);
        var tree = CSharpSyntaxTree.ParseText(code, ScriptEnvironment.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new(CompletenessStatus.Incomplete, string.Concat(Enumerable.Repeat(IndentUnit, OpenBlocks(tree))));
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new(CompletenessStatus.Invalid)
            : new(CompletenessStatus.Complete);
    }

    /// <summary>How many braces are open at the end of the code (the indent level of the next line).</summary>
    private static int OpenBlocks(SyntaxTree tree)
    {
        int depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing) continue;
            if (token.IsKind(SyntaxKind.OpenBraceToken)) depth++;
            else if (token.IsKind(SyntaxKind.CloseBraceToken)) depth = Math.Max(0, depth - 1);
        }
        return depth;
    }
}
