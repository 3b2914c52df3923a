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
        // A closing bracket with nothing open to close ("var = ;)") is wrong whatever lines follow.
        if (HasUnmatchedCloser(tree)) return new(CompletenessStatus.Invalid);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new(CompletenessStatus.Incomplete, string.Concat(Enumerable.Repeat(IndentUnit, OpenBlocks(tree))));
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new(CompletenessStatus.Invalid)
            : new(CompletenessStatus.Complete);
    }

    private static bool HasUnmatchedCloser(SyntaxTree tree)
    {
        var open = new Stack<SyntaxKind>();
        // Into trivia too: the parser keeps tokens it could not place (a stray ")") as skipped-token trivia.
        foreach (var token in tree.GetRoot().DescendantTokens(descendIntoTrivia: true))
        {
            if (token.IsMissing) continue;
            switch (token.Kind())
            {
                case SyntaxKind.OpenParenToken: open.Push(SyntaxKind.CloseParenToken); break;
                case SyntaxKind.OpenBracketToken: open.Push(SyntaxKind.CloseBracketToken); break;
                case SyntaxKind.OpenBraceToken: open.Push(SyntaxKind.CloseBraceToken); break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    if (!open.TryPop(out var expected) || expected != token.Kind()) return true;
                    break;
            }
        }
        return false;
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
