using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Makes a cell interruptible by inserting <c>Cancellation.Check();</c> at the start of every loop body and
/// every method, local function, accessor and lambda block body.
/// </summary>
/// <remarks>
/// The syntax tree is walked to find the insertion points, but the edit is applied as text changes that never
/// contain a newline: line numbers stay those of the user's cell, and <see cref="InstrumentedCell.ToOriginal"/>
/// maps a position in the compiled text back exactly, so compile errors report the user's columns.
/// Expression-bodied lambdas are not instrumented (a void lambda cannot be wrapped without knowing its type);
/// any infinite work still has to go through a loop or a block-bodied method, which are.
/// </remarks>
internal static class CancellationInjector
{
    public const string CheckCall = "global::NotebookDL.Kernel.Scripting.Cancellation.Check();";

    /// <summary>Instruments <paramref name="code"/> (parsed as a script).</summary>
    public static InstrumentedCell Instrument(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ScriptEnvironment.ParseOptions);
        var finder = new InsertionFinder();
        finder.Visit(tree.GetRoot());
        // Stable sort: at equal positions the finder's order is kept (all texts at one position are equivalent anyway).
        var changes = finder.Changes.OrderBy(c => c.Span.Start).ToList();
        var text = SourceText.From(code).WithChanges(changes).ToString();
        return new InstrumentedCell(code, text, [.. changes.Select(c => (c.Span.Start, c.NewText!.Length))]);
    }

    private sealed class InsertionFinder : CSharpSyntaxWalker
    {
        public List<TextChange> Changes { get; } = [];

        public override void VisitWhileStatement(WhileStatementSyntax node) { Loop(node.Statement); base.VisitWhileStatement(node); }
        public override void VisitDoStatement(DoStatementSyntax node) { Loop(node.Statement); base.VisitDoStatement(node); }
        public override void VisitForStatement(ForStatementSyntax node) { Loop(node.Statement); base.VisitForStatement(node); }
        public override void VisitForEachStatement(ForEachStatementSyntax node) { Loop(node.Statement); base.VisitForEachStatement(node); }
        public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node) { Loop(node.Statement); base.VisitForEachVariableStatement(node); }

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node) { Body(node.Body); base.VisitMethodDeclaration(node); }
        public override void VisitConstructorDeclaration(ConstructorDeclarationSyntax node) { Body(node.Body); base.VisitConstructorDeclaration(node); }
        public override void VisitOperatorDeclaration(OperatorDeclarationSyntax node) { Body(node.Body); base.VisitOperatorDeclaration(node); }
        public override void VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) { Body(node.Body); base.VisitConversionOperatorDeclaration(node); }
        public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node) { Body(node.Body); base.VisitAccessorDeclaration(node); }
        public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) { Body(node.Body); base.VisitLocalFunctionStatement(node); }
        public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) { Body(node.Block); base.VisitParenthesizedLambdaExpression(node); }
        public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) { Body(node.Block); base.VisitSimpleLambdaExpression(node); }
        public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) { Body(node.Block); base.VisitAnonymousMethodExpression(node); }

        private void Loop(StatementSyntax body)
        {
            if (body is BlockSyntax block) { Body(block); return; }
            if (body.IsMissing) return;
            // A single-statement body becomes a block so the check runs on every iteration.
            Changes.Add(new TextChange(new TextSpan(body.SpanStart, 0), "{ " + CheckCall + " "));
            Changes.Add(new TextChange(new TextSpan(body.Span.End, 0), " }"));
        }

        private void Body(BlockSyntax? block)
        {
            if (block is null || block.OpenBraceToken.IsMissing) return;
            Changes.Add(new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), " " + CheckCall));
        }
    }
}

/// <summary>A cell's original and instrumented text, with the insertions that turn one into the other.</summary>
/// <param name="Original">The user's code.</param>
/// <param name="Text">The code that is compiled.</param>
/// <param name="Insertions">(original position, inserted length), sorted by position.</param>
internal sealed record InstrumentedCell(string Original, string Text, IReadOnlyList<(int Position, int Length)> Insertions)
{
    /// <summary>Maps a position in <see cref="Text"/> back to <see cref="Original"/> (inside an insertion: its anchor).</summary>
    public int ToOriginal(int position)
    {
        int shift = 0;
        foreach (var (anchor, length) in Insertions)
        {
            int start = anchor + shift;
            if (position < start) break;
            if (position < start + length) return anchor;
            shift += length;
        }
        return position - shift;
    }
}
