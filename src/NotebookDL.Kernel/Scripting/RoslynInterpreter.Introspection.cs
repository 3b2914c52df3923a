using Microsoft.CodeAnalysis;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Scripting;

public sealed partial class RoslynInterpreter
{
    public CompletionResult Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (prefix, body) = SplitMagics(code);
        if (cursor < prefix.Length) return MagicCompletion.Complete(magics, code, cursor);
        var model = SemanticModelFor(body);
        return ScriptCompletion.Complete(model, body, cursor);
    }

    public InspectionResult Inspect(string code, int cursor, int detailLevel)
    {
        var (prefix, body) = SplitMagics(code);
        if (cursor < prefix.Length) return InspectionResult.NotFound;
        return ScriptInspection.Inspect(SemanticModelFor(body), Math.Clamp(cursor, 0, body.Length), detailLevel);
    }

    public IsCompleteResult IsComplete(string code)
    {
        var (_, body) = SplitMagics(code);
        return Completeness.Check(body);
    }

    /// <summary>
    /// The semantic model of <paramref name="code"/> as the next submission (so earlier cells' variables,
    /// usings and types are in scope). Never executed.
    /// </summary>
    private SemanticModel SemanticModelFor(string code)
    {
        var compilation = State.Script.ContinueWith(code).GetCompilation();
        return compilation.GetSemanticModel(compilation.SyntaxTrees.Single());
    }

    /// <summary>
    /// Leading magic lines, replaced by blanks of the same length in the body so positions keep meaning.
    /// Returns the magic prefix text (for positions inside it) and the body padded to the cell's length.
    /// </summary>
    private static (string Prefix, string Body) SplitMagics(string code)
    {
        int end = 0;
        while (end < code.Length)
        {
            int lineEnd = code.IndexOf('\n', end);
            var line = lineEnd < 0 ? code[end..] : code[end..lineEnd];
            if (!string.IsNullOrWhiteSpace(line) && !IsMagicLine(line)) break;
            end = lineEnd < 0 ? code.Length : lineEnd + 1;
        }
        // Keep newlines in the prefix so line numbers and positions are unchanged.
        var blanks = new string(code[..end].Select(c => c == '\n' ? '\n' : ' ').ToArray());
        return (code[..end], blanks + code[end..]);
    }

    private static bool IsMagicLine(string line)
    {
        try { return MagicLine.TryParse(line, out _); }
        catch (FormatException) { return true; }
    }
}
