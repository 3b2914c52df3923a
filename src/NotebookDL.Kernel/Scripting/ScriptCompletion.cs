using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Completion from the semantic model (Roslyn's C# completion providers are not available here): after a '.',
/// the members of the receiver's type (or namespace/type for static access, with extension methods);
/// elsewhere every symbol in scope plus C# keywords.
/// </summary>
internal static class ScriptCompletion
{
    public static CompletionResult Complete(SemanticModel model, string code, int cursor)
    {
        int start = cursor;
        while (start > 0 && IsIdentifierChar(code[start - 1])) start--;
        var prefix = code[start..cursor];

        int before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(code[before])) before--;
        bool afterDot = before >= 0 && code[before] == '.';

        IEnumerable<string> names = afterDot
            ? MemberNames(model, before, start)
            : model.LookupSymbols(start).Where(IsCompletable).Select(s => s.Name).Concat(Keywords);

        var matches = names
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionResult(matches, start, cursor);
    }

    private static IEnumerable<string> MemberNames(SemanticModel model, int dotPosition, int position)
    {
        var dot = model.SyntaxTree.GetRoot().FindToken(dotPosition);
        SyntaxNode? receiver = dot.Parent switch
        {
            MemberAccessExpressionSyntax m => m.Expression,
            QualifiedNameSyntax q => q.Left,
            MemberBindingExpressionSyntax b => (b.Parent as ConditionalAccessExpressionSyntax)?.Expression
                                               ?? b.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
        if (receiver is null) return [];

        var symbol = model.GetSymbolInfo(receiver).Symbol;
        IEnumerable<ISymbol> members;
        if (symbol is INamespaceSymbol ns)
            members = model.LookupNamespacesAndTypes(position, ns);
        else if (symbol is ITypeSymbol type)
            members = model.LookupStaticMembers(position, type); // Console. Math. : static members and nested types
        else if (model.GetTypeInfo(receiver).Type is { } instanceType)
            members = model.LookupSymbols(position, instanceType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic);
        else
            members = [];
        return members.Where(IsCompletable).Select(s => s.Name);
    }

    private static bool IsCompletable(ISymbol symbol) =>
        symbol.CanBeReferencedByName && !symbol.IsImplicitlyDeclared && symbol.Name.Length > 0
        && !symbol.Name.StartsWith('<') && symbol.Kind != SymbolKind.Label;

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Keywords offered outside member access.</summary>
    private static readonly string[] Keywords =
    [
        .. Enumerable.Range((int)SyntaxKind.BoolKeyword, (int)SyntaxKind.ImplicitKeyword - (int)SyntaxKind.BoolKeyword + 1)
            .Select(k => SyntaxFacts.GetText((SyntaxKind)k)).Where(t => t.Length > 0),
        .. SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).Where(t => t.Length > 0 && char.IsLetter(t[0])),
        .. SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText),
    ];
}
