using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NotebookDL.Hosting;

/// <summary>
/// Rewrites a cell's calls of TorchSharp operations that end the process on bad input (the native entry point has no
/// catch; see <c>NotebookDL.Engine.NativeGuards</c>) into calls of NotebookDL's guard of the same name and parameters,
/// which throws a .NET exception instead. Both notebook hosts run it: our kernel and the .NET Interactive extension
/// (this file is compiled into each, against the Roslyn each host runs on).
/// </summary>
/// <remarks>
/// The calls are found by binding, not by name, so a user's own <c>matmul</c> is left alone. The edit only inserts and
/// never inserts a newline, so line numbers in stack traces stay the user's: <c>torch.matmul(a, b)</c> becomes
/// <c>/*torch.matmul*/G.matmul(a, b)</c> and <c>a.matmul(b)</c> becomes <c>G.matmul(a/*.matmul(*/, b)</c>.
/// Not rewritten: method groups (<c>Func&lt;...&gt; f = a.matmul</c>) and null-conditional calls (<c>a?.matmul(b)</c>).
/// </remarks>
internal static class GuardRewriter
{
    public const string GuardsType = "NotebookDL.Engine.NativeGuards";
    private const string GuardsName = "global::" + GuardsType;

    /// <summary>
    /// The text of <paramref name="compilation"/>'s last syntax tree (the cell) with guarded calls rewritten, or null when
    /// it has none (or NotebookDL is not referenced).
    /// </summary>
    public static string? Rewrite(Compilation compilation) => Rewrite(compilation, compilation.SyntaxTrees.Last());

    /// <summary><paramref name="tree"/>'s text with guarded calls rewritten, or null when it has none.</summary>
    public static string? Rewrite(Compilation compilation, SyntaxTree tree)
    {
        var guards = compilation.GetTypeByMetadataName(GuardsType);
        if (guards is null) return null;
        var text = tree.GetText();
        var byName = guards.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.IsStatic)
            .ToLookup(m => m.Name, StringComparer.Ordinal);
        var root = tree.GetRoot();
        // Cheap filter first: only invocations whose name is a guard's are bound.
        var candidates = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => NameOf(i.Expression) is { } n && byName.Contains(n)).ToList();
        if (candidates.Count == 0) return null;
        var model = compilation.GetSemanticModel(tree);
        var changes = new List<TextChange>();
        foreach (var invocation in candidates) // document order: an outer call's insertions come before an inner one's at the same position
        {
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method) continue;
            if (!IsTorchSharp(method)) continue;
            var guard = FindGuard(byName[method.Name], method);
            if (guard is null) continue;
            // Static (torch.matmul, an extension method called by its class) or on a receiver (a.matmul, s.ToInt32()).
            var onReceiver = !method.IsStatic || method.ReducedFrom is not null;
            Rewrite(invocation, onReceiver, text, changes);
        }
        if (changes.Count == 0) return null;
        return text.WithChanges(changes.OrderBy(c => c.Span.Start)).ToString();
    }

    private static void Rewrite(InvocationExpressionSyntax invocation, bool onReceiver, SourceText text, List<TextChange> changes)
    {
        var call = GuardsName + "." + NameOf(invocation.Expression);
        if (!onReceiver)
        {
            // torch.matmul(a, b) or matmul(a, b) (using static): the callee is commented out and the guard named after it.
            var span = invocation.Expression.Span;
            if (text.ToString(span).Contains("*/", StringComparison.Ordinal)) return;
            changes.Add(new TextChange(new TextSpan(span.Start, 0), "/*"));
            changes.Add(new TextChange(new TextSpan(span.End, 0), "*/" + call));
            return;
        }
        // a.matmul(b): the receiver becomes the guard's first argument.
        if (invocation.Expression is not MemberAccessExpressionSyntax member) return;
        var open = invocation.ArgumentList.OpenParenToken;
        var hidden = TextSpan.FromBounds(member.OperatorToken.SpanStart, open.Span.End);
        if (open.IsMissing || text.ToString(hidden).Contains("*/", StringComparison.Ordinal)) return;
        changes.Add(new TextChange(new TextSpan(member.Expression.SpanStart, 0), call + "("));
        changes.Add(new TextChange(new TextSpan(hidden.Start, 0), "/*"));
        changes.Add(new TextChange(new TextSpan(hidden.End, 0), "*/" + (invocation.ArgumentList.Arguments.Count > 0 ? ", " : "")));
    }

    // A guard takes the TorchSharp method's parameters, after the receiver for an instance or extension method.
    private static IMethodSymbol? FindGuard(IEnumerable<IMethodSymbol> candidates, IMethodSymbol method)
    {
        var original = method.ReducedFrom ?? method;
        var wanted = (original.IsStatic ? [] : new[] { original.ContainingType }).Concat(original.Parameters.Select(p => p.Type)).ToList();
        return candidates.FirstOrDefault(g => g.Parameters.Length == wanted.Count
            && g.Parameters.Select(p => p.Type).Zip(wanted).All(pair => SymbolEqualityComparer.Default.Equals(pair.First, pair.Second)));
    }

    private static bool IsTorchSharp(IMethodSymbol method) =>
        (method.ReducedFrom ?? method).ContainingAssembly?.Name == "TorchSharp";

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        _ => null,
    };
}
