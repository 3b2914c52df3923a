using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Makes a cell interruptible and its recursion bounded: <c>Cancellation.Check();</c> at the start of every loop body
/// (<c>CheckInTask()</c> in the cell's top-level code, whose exception can only reach the submission's task),
/// <c>StackGuard.Enter();</c> (which checks for cancellation too) at the start of every method, local function,
/// accessor and lambda block body. Expression-bodied methods and local functions become block bodies to get theirs.
/// </summary>
/// <remarks>
/// The syntax tree is walked to find the insertion points, but the edit is applied as text changes that never
/// contain a newline and only insert (an expression body's <c>=&gt;</c> is kept inside a comment): line numbers stay
/// those of the user's cell, and <see cref="InstrumentedCell.ToOriginal"/> maps a position in the compiled text back
/// exactly, so compile errors report the user's columns. Expression-bodied lambdas are not instrumented (a lambda's
/// return type is unknown to the parser); any infinite work still has to go through a loop or a block-bodied method,
/// which are, and recursion through a named method or local function is bounded.
/// </remarks>
internal static class CellInstrumenter
{
    public const string CheckCall = "global::NotebookDL.Kernel.Scripting.Cancellation.Check();";
    public const string CheckInTaskCall = "global::NotebookDL.Kernel.Scripting.Cancellation.CheckInTask();";
    public const string EnterCall = "global::NotebookDL.Kernel.Scripting.StackGuard.Enter();";

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

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            Body(node.Body);
            ExpressionBody(node.ExpressionBody, node.SemicolonToken, ReturnsNothing(node.ReturnType, node.Modifiers));
            base.VisitMethodDeclaration(node);
        }
        public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
        {
            Body(node.Body);
            ExpressionBody(node.ExpressionBody, node.SemicolonToken, ReturnsNothing(node.ReturnType, node.Modifiers));
            base.VisitLocalFunctionStatement(node);
        }
        public override void VisitConstructorDeclaration(ConstructorDeclarationSyntax node) { Body(node.Body); base.VisitConstructorDeclaration(node); }
        public override void VisitOperatorDeclaration(OperatorDeclarationSyntax node) { Body(node.Body); base.VisitOperatorDeclaration(node); }
        public override void VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) { Body(node.Body); base.VisitConversionOperatorDeclaration(node); }
        public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node) { Body(node.Body); base.VisitAccessorDeclaration(node); }
        public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) { Body(node.Block); base.VisitParenthesizedLambdaExpression(node); }
        public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) { Body(node.Block); base.VisitSimpleLambdaExpression(node); }
        public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) { Body(node.Block); base.VisitAnonymousMethodExpression(node); }

        private void Loop(StatementSyntax body)
        {
            var check = InTask(body) ? CheckInTaskCall : CheckCall;
            if (body is BlockSyntax block) { AtStart(block, check); return; }
            if (body.IsMissing) return;
            // A single-statement body becomes a block so the check runs on every iteration.
            Changes.Add(new TextChange(new TextSpan(body.SpanStart, 0), "{ " + check + " "));
            Changes.Add(new TextChange(new TextSpan(body.Span.End, 0), " }"));
        }

        private void Body(BlockSyntax? block) => AtStart(block, EnterCall);

        private void AtStart(BlockSyntax? block, string call)
        {
            if (block is null || block.OpenBraceToken.IsMissing) return;
            Changes.Add(new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), " " + call));
        }

        // "T F() => e;" becomes "T F() /*=>*/ { Enter(); return e; }" (no "return" when F returns nothing).
        private void ExpressionBody(ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, bool returnsNothing)
        {
            if (arrow is null || arrow.ArrowToken.IsMissing || semicolon.IsMissing) return;
            Changes.Add(new TextChange(new TextSpan(arrow.ArrowToken.SpanStart, 0), "/*"));
            Changes.Add(new TextChange(new TextSpan(arrow.ArrowToken.Span.End, 0), "*/ { " + EnterCall + (returnsNothing ? "" : " return")));
            Changes.Add(new TextChange(new TextSpan(semicolon.Span.End, 0), " }"));
        }

        /// <summary>
        /// Whether <paramref name="node"/> is in the cell's own top-level code, which runs only as the submission's async
        /// method: an exception thrown there, on whatever thread code after an await resumed on, ends up in the
        /// submission's task. Anywhere else (a method, local function, lambda or accessor) the code may run on a bare
        /// thread, or be awaited synchronously there, where an exception would end the process.
        /// </summary>
        private static bool InTask(SyntaxNode node) =>
            !node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
                or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or TypeDeclarationSyntax);

        // void, and async Task/ValueTask (whose body returns no value either).
        private static bool ReturnsNothing(TypeSyntax returnType, SyntaxTokenList modifiers) =>
            returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            || modifiers.Any(SyntaxKind.AsyncKeyword) && (returnType is QualifiedNameSyntax q ? q.Right : returnType) is IdentifierNameSyntax
            {
                Identifier.ValueText: "Task" or "ValueTask",
            };
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
