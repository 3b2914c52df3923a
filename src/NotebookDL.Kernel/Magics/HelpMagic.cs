using NotebookDL.Display;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Magics;

/// <summary>
/// <c>#!help Symbol</c>: the symbol's signature and documentation in the front end's pager (IPython's <c>obj?</c>).
/// It goes to the pager rather than the cell's output because help is looked at, not kept in the notebook.
/// </summary>
internal static class HelpMagic
{
    public static Magic Create(RoslynInterpreter interpreter) => new("help", "Show a symbol's signature and documentation in the pager.",
        [new MagicParameter("symbol", "an expression such as Console.WriteLine")], invocation =>
    {
        var symbol = string.Join(" ", invocation.Arguments).Trim();
        if (symbol.Length == 0) throw new ArgumentException("usage: #!help <symbol>, e.g. #!help Console.WriteLine");
        var help = interpreter.Inspect(symbol, symbol.Length, detailLevel: 1);
        if (!help.Found) throw new ArgumentException($"No help found for '{symbol}'.");
        interpreter.Current?.Pages.Add(help.Data!);
        return null;
    });
}
