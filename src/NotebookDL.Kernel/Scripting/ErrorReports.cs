using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NotebookDL.Engine;

namespace NotebookDL.Kernel.Scripting;

/// <summary>Turns compiler diagnostics and runtime exceptions into Jupyter errors that point at the user's cell.</summary>
internal static class ErrorReports
{
    /// <summary>ename of compile errors.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>ename of an interrupted cell (the name Jupyter front ends know from Python).</summary>
    public const string Interrupted = "KeyboardInterrupt";

    /// <summary>
    /// Errors with 1-based line and column in the user's cell (<paramref name="cell"/> maps instrumented
    /// positions back; magic lines above the code were kept as empty lines, so lines need no shift).
    /// </summary>
    public static ErrorInfo FromDiagnostics(IEnumerable<Diagnostic> diagnostics, InstrumentedCell cell)
    {
        var source = SourceText.From(cell.Original);
        var lines = new List<string>();
        foreach (var d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var where = "";
            if (d.Location.IsInSource)
            {
                var position = source.Lines.GetLinePosition(Math.Min(cell.ToOriginal(d.Location.SourceSpan.Start), source.Length));
                where = $"({position.Line + 1},{position.Character + 1}): ";
            }
            lines.Add($"{where}error {d.Id}: {d.GetMessage()}");
        }
        if (lines.Count == 0) lines.Add("the cell did not compile");
        return new ErrorInfo(CompilationError, lines[0], lines);
    }

    /// <summary>The error of an interrupted cell.</summary>
    public static ErrorInfo Interrupt() =>
        new(Interrupted, "The cell was interrupted; variables defined by earlier cells are kept.", [$"{Interrupted}: execution interrupted by the user"]);

    /// <summary>ename = exception type, evalue = message, traceback = the frames of the user's code only.</summary>
    /// <param name="exception">What the cell threw.</param>
    /// <param name="cellName">Names the cell an assembly was compiled from ("In[3]"), for frame locations.</param>
    public static ErrorInfo FromException(Exception exception, Func<Assembly, string?>? cellName = null)
    {
        var ex = Unwrap(exception);
        // libtorch's message without its C++ frames, as PyTorch prints it (the frames stay in ex.Data).
        var message = NativeErrors.Message(ex);
        var lines = new List<string> { $"{ex.GetType().FullName}: {message}" };
        lines.AddRange(CollapseRepeats(UserFrames(ex, cellName)));
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
            lines.Add($" ---> {inner.GetType().FullName}: {NativeErrors.Message(inner)}");
        return new ErrorInfo(ex.GetType().Name, message, lines);
    }

    private static Exception Unwrap(Exception ex)
    {
        while (true)
        {
            switch (ex)
            {
                case TargetInvocationException { InnerException: { } inner }: ex = inner; continue;
                case AggregateException { InnerExceptions.Count: 1 } agg: ex = agg.InnerExceptions[0]; continue;
                default: return ex;
            }
        }
    }

    /// <summary>A run of identical frames (a recursion) as its first line and a count, as Python prints one.</summary>
    private static IEnumerable<string> CollapseRepeats(IEnumerable<string> frames)
    {
        string? previous = null;
        var repeats = 0;
        foreach (var frame in frames)
        {
            if (frame == previous) { repeats++; continue; }
            if (repeats > 0) yield return RepeatLine(repeats);
            yield return previous = frame;
            repeats = 0;
        }
        if (repeats > 0) yield return RepeatLine(repeats);
    }

    private static string RepeatLine(int repeats) => $"   [the frame above repeated {repeats:N0} more time{(repeats == 1 ? "" : "s")}]";

    /// <summary>
    /// Frames whose method was compiled from a cell (Roslyn names submission assemblies "ℛ*…"), plus the
    /// library frames directly above them, where the exception was actually thrown (e.g. int.Parse).
    /// Roslyn's and the kernel's own frames are dropped.
    /// </summary>
    private static IEnumerable<string> UserFrames(Exception ex, Func<Assembly, string?>? cellName)
    {
        var frames = new StackTrace(ex, fNeedFileInfo: true).GetFrames();
        int lastUser = Array.FindLastIndex(frames, IsCellFrame);
        if (lastUser < 0) yield break;
        for (int i = 0; i <= lastUser; i++)
        {
            var method = frames[i].GetMethod();
            if (method is null || IsHidden(method)) continue;
            yield return IsCellFrame(frames[i]) ? CellFrameText(frames[i], method, cellName) : $"   at {Describe(method)}";
        }
    }

    internal static bool IsCellFrame(StackFrame frame) =>
        frame.GetMethod()?.DeclaringType?.Assembly is { } a && (a.GetName().Name?.StartsWith('ℛ') ?? false);

    private static bool IsHidden(MethodBase method) =>
        method.DeclaringType?.Namespace?.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal) == true
        || method.DeclaringType?.Namespace?.StartsWith("NotebookDL.Kernel", StringComparison.Ordinal) == true;

    private static string CellFrameText(StackFrame frame, MethodBase method, Func<Assembly, string?>? cellName)
    {
        var cell = method.DeclaringType is { } type ? cellName?.Invoke(type.Assembly) : null;
        var line = frame.GetFileLineNumber();
        var location = (cell, line) switch
        {
            (not null, > 0) => $" in {cell}, line {line}",
            (null, > 0) => $", line {line}",
            (not null, _) => $" in {cell}",
            _ => "",
        };
        return $"   at {Describe(method)}{location}";
    }

    /// <summary>"Type.Method(args)" with Roslyn's submission and state-machine wrappers removed.</summary>
    private static string Describe(MethodBase method)
    {
        var type = method.DeclaringType;
        var name = method.Name;
        // async/iterator bodies run in a compiler-generated MoveNext of "<Name>d__N"
        if (name == "MoveNext" && type?.Name.StartsWith('<') == true)
        {
            name = type.Name[1..type.Name.IndexOf('>')];
            type = type.DeclaringType;
        }
        if (name is "<Initialize>" or "<Factory>" || type?.Name.StartsWith("Submission#", StringComparison.Ordinal) == true && name.StartsWith('<'))
            return "<cell>";
        var parameters = string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name));
        var owner = type is null || type.Name.StartsWith("Submission#", StringComparison.Ordinal) ? "" : type.Name + ".";
        return $"{owner}{name}({parameters})";
    }
}
