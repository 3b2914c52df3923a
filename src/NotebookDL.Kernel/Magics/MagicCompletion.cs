using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Magics;

/// <summary>Completes magic names on <c>#!</c> lines.</summary>
internal static class MagicCompletion
{
    public static CompletionResult Complete(MagicRegistry registry, string code, int cursor)
    {
        int lineStart = code.LastIndexOf('\n', Math.Max(0, cursor - 1)) + 1;
        if (cursor > 0 && code[cursor - 1] == '\n') lineStart = cursor;
        var line = code[lineStart..cursor];
        var trimmed = line.TrimStart();
        int nameStart = lineStart + (line.Length - trimmed.Length) + 2;
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.Contains(' ') || nameStart > cursor)
            return new CompletionResult([], cursor, cursor);
        var prefix = code[nameStart..cursor];
        var matches = registry.All.Select(m => m.Name).Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return new CompletionResult(matches, nameStart, cursor);
    }
}
