using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

/// <summary>Shift+Tab help: the signature of the symbol at the cursor (and of its overloads) plus its XML summary.</summary>
internal static class ScriptInspection
{
    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.CSharpErrorMessageFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue)
        .AddLocalOptions(SymbolDisplayLocalOptions.IncludeType);

    public static InspectionResult Inspect(SemanticModel model, int cursor, int detailLevel)
    {
        var symbols = SymbolsAt(model, cursor);
        if (symbols.Count == 0) return InspectionResult.NotFound;

        var text = new StringBuilder();
        foreach (var symbol in symbols.Take(detailLevel > 0 ? 20 : 5))
            text.AppendLine(Describe(symbol));
        if (symbols.Count > (detailLevel > 0 ? 20 : 5)) text.AppendLine($"(+{symbols.Count - 5} more overloads)");
        if (DocumentedReference.Summary(symbols[0]) is { Length: > 0 } summary) text.AppendLine().AppendLine(summary);
        var plain = text.ToString().TrimEnd();
        var markdown = "```csharp\n" + string.Join("\n", symbols.Take(5).Select(Describe)) + "\n```" + (DocumentedReference.Summary(symbols[0]) is { Length: > 0 } s ? "\n\n" + s : "");
        return new InspectionResult(MimeBundle.PlainText(plain).With(MimeBundle.TextMarkdown, markdown));
    }

    /// <summary>The symbol under or just before the cursor; for a method group all its overloads.</summary>
    private static List<ISymbol> SymbolsAt(SemanticModel model, int cursor)
    {
        var root = model.SyntaxTree.GetRoot();
        var token = root.FindToken(Math.Min(cursor, Math.Max(0, root.FullSpan.End - 1)));
        if ((cursor == token.SpanStart || !token.Span.Contains(cursor)) && cursor > 0)
        {
            var previous = root.FindToken(cursor - 1);
            if (previous.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(previous.Kind())) token = previous;
        }

        for (var node = token.Parent; node is not null && node is not StatementSyntax and not CompilationUnitSyntax; node = node.Parent)
        {
            var target = node switch
            {
                InvocationExpressionSyntax invocation when !invocation.Expression.Span.Contains(cursor) => invocation.Expression,
                ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } => invocation.Expression,
                _ => node,
            };
            var found = Lookup(model, target);
            if (found.Count > 0) return found;
        }
        return [];
    }

    private static List<ISymbol> Lookup(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol)
        {
            if (symbol is IMethodSymbol method && node is not InvocationExpressionSyntax)
                return [symbol, .. model.GetMemberGroup(node).Where(m => !SymbolEqualityComparer.Default.Equals(m, method))];
            return [symbol];
        }
        if (!info.CandidateSymbols.IsEmpty) return [.. info.CandidateSymbols];
        if (model.GetDeclaredSymbol(node) is { } declared) return [declared];
        if (node is PredefinedTypeSyntax && model.GetTypeInfo(node).Type is { } type) return [type];
        return [];
    }

    private static string Describe(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => $"{local.Type.ToDisplayString()} {local.Name}",
        IFieldSymbol { ContainingType.IsScriptClass: true } field => $"{field.Type.ToDisplayString()} {field.Name}",
        IMethodSymbol { ContainingType.IsScriptClass: true } method => method.ToDisplayString(Signature).Replace(method.ContainingType.ToDisplayString() + ".", ""),
        INamedTypeSymbol type => $"{type.TypeKind.ToString().ToLowerInvariant()} {type.ToDisplayString()}",
        _ => symbol.ToDisplayString(Signature),
    };
}
