using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Runs a cell that is executed again unchanged without compiling it again, when that cannot change what it does: the
/// cell declares nothing (no variables, methods, types, usings or directives) and reads nothing an earlier cell
/// declared, so its compiled submission can run once more from the state it was first run from, and the notebook's
/// state stays as it is. Measured: Roslyn's compile and emit is 21.6 of a trivial cell's 27 ms (tests/kernel/README.md).
/// Any cell that declares something, and any new reference, empties the cache, because a new name could now bind a
/// cached cell differently (a variable <c>Rng</c> hiding the kernel's).
/// </summary>
internal sealed class RepeatedCells
{
    /// <summary>A compiled cell and the state it first ran from.</summary>
    internal sealed record Entry(Script<object> Script, ScriptState<object> From);

    private const int Capacity = 256;
    private readonly Dictionary<string, Entry?> cells = new(StringComparer.Ordinal);   // null: seen once, or not reusable

    /// <summary>The reusable compiled form of <paramref name="code"/>, or null.</summary>
    public Entry? Find(string code) => cells.GetValueOrDefault(code);

    /// <summary>Called for every newly compiled cell before it runs: one that declares anything empties the cache.</summary>
    public void Compiled(string code, Script<object> script)
    {
        if (!DeclaresNothing(code, script)) cells.Clear();
    }

    /// <summary>Called after a newly compiled cell ran without an exception from <paramref name="from"/>.</summary>
    public void Ran(string code, Script<object> script, ScriptState<object> from)
    {
        // Only a cell seen before is worth the semantic check, so a notebook run once pays nothing.
        if (!cells.ContainsKey(code))
        {
            if (cells.Count >= Capacity) cells.Clear();
            cells[code] = null;
            return;
        }
        // Still in the cache, so Compiled found that it declares nothing (a declaring cell empties the cache).
        // The entry keeps `from` alive, and with it the value the cell before returned: only a small one.
        var keepsLittle = from.ReturnValue is null or ValueType or string;
        cells[code] = keepsLittle && ReadsNoEarlierCell(script) ? new Entry(script, from) : null;
    }

    /// <summary>New references (a #r, a NuGet package) may change how any cell binds.</summary>
    public void Clear() => cells.Clear();

    private static bool DeclaresNothing(string code, Script script)
    {
        // '#' covers #r, #load, #i and magics, which the interpreter strips before compiling.
        if (code.Contains('#')) return false;
        var root = (CompilationUnitSyntax)script.GetCompilation().SyntaxTrees.Single().GetRoot();
        if (root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0) return false;
        if (root.Members.Any(m => m is not GlobalStatementSyntax)) return false;
        // Top-level locals (also out vars and patterns) become fields of the script: conservatively, no declarator anywhere.
        return !root.DescendantNodes().Any(n => n is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or LocalFunctionStatementSyntax);
    }

    private static bool ReadsNoEarlierCell(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var symbol = model.GetSymbolInfo(node).Symbol;
            if (symbol?.ContainingAssembly is { IsInteractive: true } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
                return false;
        }
        return true;
    }
}
