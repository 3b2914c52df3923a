using NotebookDL.Display;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Scripting;

public sealed partial class RoslynInterpreter
{
    /// <summary>
    /// Runs the cell's leading <c>#!</c> magics in order, then its C# body unless a magic took the body over
    /// (#!time, #!html, ...). Magic lines are kept as empty lines in the body so error lines match the cell.
    /// </summary>
    private void RunCell(CellExecution cell)
    {
        IReadOnlyList<MagicLine> lines;
        string body;
        try
        {
            (lines, body) = MagicLine.ParseCell(cell.Request.Code);
        }
        catch (FormatException ex)
        {
            cell.Fail(new ErrorInfo("MagicError", ex.Message, [ex.Message]));
            return;
        }
        if (lines.Count == 0)
        {
            RunCode(cell);
            return;
        }

        int removedLines = cell.Request.Code.Replace("\r\n", "\n").Split('\n').Length - body.Split('\n').Length;
        cell.Code = new string('\n', removedLines) + body;
        bool bodyHandled = false;
        foreach (var line in lines)
        {
            if (!magics.TryGet(line.Name, out var magic))
            {
                var message = $"Unknown magic '#!{line.Name}'. Available: {string.Join(", ", magics.All.Select(m => "#!" + m.Name))}.";
                cell.Fail(new ErrorInfo("UnknownMagic", message, [message]));
                return;
            }
            MimeBundle? shown;
            try
            {
                shown = magic!.Handler(new MagicInvocation(magic.Name, line.Arguments, body, magics));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                cell.Fail(new ErrorInfo(ex.GetType().Name, ex.Message, [$"#!{line.Name}: {ex.Message}"]));
                return;
            }
            if (shown is not null) router.Publish(shown, null);
            if (cell.Failed) return;
            bodyHandled |= KernelMagics.ConsumesBody(magic.Name);
        }
        if (!bodyHandled && !string.IsNullOrWhiteSpace(body)) RunCode(cell);
    }
}
