using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using NotebookDL.Display;
using NotebookDL.Hosting;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// C# cells on Roslyn scripting with one script state per kernel: each cell is a submission continuing the
/// previous one, so variables, usings and types persist. A failed or interrupted cell leaves the earlier state usable.
/// </summary>
public sealed partial class RoslynInterpreter : IInterpreter
{
    private readonly OutputRouter router = new();
    private readonly CellRunner runner = new();
    private readonly MagicRegistry magics;
    private readonly Task warmUp;
    private ScriptState<object>? state;
    private readonly ScriptOptions options;
    private readonly Dictionary<string, int> cellOfAssembly = new(StringComparer.Ordinal);

    private readonly RepeatedCells repeated = new();

    /// <summary>Package sources added by <c>#i "nuget: ..."</c> cells, in order; every later restore uses them.</summary>
    private readonly List<string> packageSources = [];
    private CellExecution? current;

    /// <param name="magics">Registry to register the kernel's magics in and look cell magics up from
    /// (default: the process-wide <see cref="MagicRegistry.Default"/>).</param>
    public RoslynInterpreter(MagicRegistry? magics = null)
    {
        this.magics = magics ?? MagicRegistry.Default;
        options = ScriptEnvironment.Create();
        Compat.DotNetInteractiveFormatting.Install();
        router.InstallGlobally();
        KernelMagics.RegisterAll(this.magics, this);
        // Roslyn's first compilation costs seconds of JIT; do it in the background so the kernel answers
        // kernel_info at once, and the first cell only waits for what is left.
        warmUp = Task.Run(WarmUp);
    }

    /// <summary>Blocks until the first script state exists (tests and the first request use this).</summary>
    public void WaitUntilReady() => warmUp.GetAwaiter().GetResult();

    private void WarmUp()
    {
        var initial = CSharpScript.Create("", options).RunAsync().GetAwaiter().GetResult();
        // Exercise binder, emitter and lookup once with a throwaway submission (not kept in the state).
        var probe = initial.Script.ContinueWith("var probe = new List<int> { 1 }.Select(x => x + 1).Sum(); probe");
        probe.RunFromAsync(initial).GetAwaiter().GetResult();
        var compilation = probe.GetCompilation();
        compilation.GetSemanticModel(compilation.SyntaxTrees.Single()).LookupSymbols(0);
        state = initial;
    }

    private ScriptState<object> State
    {
        get
        {
            WaitUntilReady();
            return state!;
        }
    }

    /// <summary>The cell currently executing (magics use it to run or replace the cell body).</summary>
    internal CellExecution? Current => current;

    /// <summary>The script's variables, newest definition of each name only.</summary>
    internal IReadOnlyList<ScriptVariable> Variables =>
        [.. State.Variables.GroupBy(v => v.Name).Select(g => g.Last()).Where(v => !v.Name.StartsWith('<'))];

    public void Interrupt() => Cancellation.Request();

    public ExecuteOutcome Execute(ExecuteRequest request, IOutputPublisher output, IInputProvider input)
    {
        router.Attach(output, input);
        var cell = new CellExecution(request, output, request.Code);
        current = cell;
        var expressions = new Dictionary<string, ExpressionResult>();
        try
        {
            runner.Run(token =>
            {
                cell.Token = token;
                RunCell(cell);
                if (!cell.Failed) expressions = EvaluateUserExpressions(request.UserExpressions);
            });
        }
        catch (OperationCanceledException)
        {
            cell.Fail(ErrorReports.Interrupt()); // the runner gave up on a cell that would not stop
        }
        catch (Exception ex)
        {
            // Last line of defence (OutOfMemoryException from a formatter, a bug in a magic, ...): report, keep serving.
            KernelLog.Error("cell failed outside the script", ex);
            cell.Fail(ErrorReports.FromException(ex));
        }
        finally
        {
            router.FlushStreams();
            current = null;
        }

        if (cell.Error is { } error)
        {
            output.Error(error);
            return new ExecuteOutcome(error, new Dictionary<string, ExpressionResult>());
        }
        return new ExecuteOutcome(null, expressions) { Pages = cell.Pages };
    }

    /// <summary>Compiles and runs <see cref="CellExecution.Code"/> as the next submission; publishes its result.</summary>
    internal void RunCode(CellExecution cell)
    {
        var reused = repeated.Find(cell.Code);
        var script = reused?.Script ?? Compile(cell);
        if (script is null) return;
        var previous = reused?.From ?? State;
        if (reused is null) repeated.Compiled(cell.Code, script);
        ScriptState<object> next;
        try
        {
            // Runtime exceptions are caught by Roslyn so the new state keeps what the cell defined before
            // throwing; an interrupt is not, so the state stays the previous one.
            var run = script.RunFromAsync(previous, ex => !Cancellation.IsRequested);
            next = WaitInterruptibly(run);
        }
        catch (OperationCanceledException) when (Cancellation.IsRequested)
        {
            cell.Fail(ErrorReports.Interrupt());
            return;
        }
        catch (Exception ex)
        {
            cell.Fail(ErrorReports.FromException(ex, CellName));
            return;
        }

        if (cell.Token?.IsCancelled == true)
        {
            // Interrupted after its last check (or abandoned and finished later): keep the earlier state.
            cell.Fail(ErrorReports.Interrupt());
            return;
        }
        // A reused cell declares nothing, so the notebook's state is the one it already has.
        if (reused is null) state = next;
        if (next.Exception is { } thrown)
        {
            cell.Fail(ErrorReports.FromException(thrown, CellName));
            return;
        }
        if (reused is null) repeated.Ran(cell.Code, script, previous);
        if (cell.Request.Silent || next.ReturnValue is null) return;
        if (!EndsWithExpression(script)) return;
        router.FlushStreams();
        cell.Output.ExecuteResult(cell.Request.ExecutionCount, Formatter.Format(next.ReturnValue));
    }

    /// <summary>Resolves package references, instruments and compiles the cell; null (and the cell failed) on errors.</summary>
    internal Script<object>? Compile(CellExecution cell)
    {
        var (sources, withoutSources) = NuGetReferences.ExtractSources(cell.Code);
        foreach (var source in sources) if (!packageSources.Contains(source)) packageSources.Add(source);
        var (packages, code) = NuGetReferences.Extract(withoutSources);
        foreach (var (name, version) in packages)
        {
            try
            {
                var paths = NuGetReferences.Restore(name, version, packageSources);
                AddReferences(paths);
                cell.Output.Stream("stdout", $"Installed package {name} {version ?? "(latest)"} ({paths.Count} assemblies)\n");
            }
            catch (InvalidOperationException ex)
            {
                cell.Fail(new ErrorInfo("NuGetError", ex.Message, [ex.Message]));
                return null;
            }
        }

        var instrumented = CellInstrumenter.Instrument(code);
        // No options argument: a submission given new ScriptOptions (even an equal copy) makes Roslyn bind a second
        // copy of already referenced assemblies after any #r, and Display(x) becomes ambiguous. Submissions inherit.
        var script = State.Script.ContinueWith(instrumented.Text);
        var diagnostics = script.Compile();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            cell.Fail(ErrorReports.FromDiagnostics(diagnostics, instrumented));
            return null;
        }
        script = Guarded(script);
        lock (cellOfAssembly) cellOfAssembly[script.GetCompilation().AssemblyName!] = cell.Request.ExecutionCount;
        return script;
    }

    /// <summary>
    /// The cell with its calls of TorchSharp operations that would end the process on bad input replaced by NotebookDL's
    /// guards (see <see cref="Hosting.GuardRewriter"/>); the cell as it was if it has none, or if the rewrite does not
    /// compile (a rewriter bug must not cost the user the cell).
    /// </summary>
    private Script<object> Guarded(Script<object> script)
    {
        if (GuardRewriter.Rewrite(script.GetCompilation()) is not { } text) return script;
        var guarded = State.Script.ContinueWith(text);
        var errors = guarded.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0) return guarded;
        KernelLog.Error($"the guard rewrite does not compile ({errors[0]}); running the cell unguarded", null);
        return script;
    }

    /// <summary>
    /// Adds assembly references as a directive-only submission, so they persist in the submission chain
    /// like a user's own <c>#r</c> (see the note in <see cref="Compile"/> on why options are never changed).
    /// </summary>
    private void AddReferences(IEnumerable<string> paths)
    {
        repeated.Clear();
        // A package's copy of an assembly the kernel already references (System.Numerics.Tensors from ML.NET, say)
        // would be a second reference of the same identity: Roslyn then retargets earlier cells' types, and a tensor
        // from an earlier cell no longer converts to NotebookDL's Tensor parameters. The process has the kernel's
        // copy loaded anyway, so the kernel's copy is the one to compile against.
        var referenced = State.Script.GetCompilation().ReferencedAssemblyNames.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = paths.Where(p => !referenced.Contains(Path.GetFileNameWithoutExtension(p))
            && !File.Exists(Path.Combine(ScriptEnvironment.KernelDirectory, Path.GetFileName(p)))).ToList();
        if (added.Count == 0) return;
        var directives = string.Join("\n", added.Select(p => $"#r \"{p}\""));
        state = State.Script.ContinueWith(directives).RunFromAsync(State).GetAwaiter().GetResult();
    }

    /// <summary>"In[n]" for an assembly compiled from cell n (traceback locations), or null.</summary>
    private string? CellName(System.Reflection.Assembly assembly)
    {
        lock (cellOfAssembly)
            return assembly.GetName().Name is { } name && cellOfAssembly.TryGetValue(name, out int n) ? $"In[{n}]" : null;
    }

    /// <summary>Runs a compiled cell once more from the current state without keeping the new state (#!timeit).</summary>
    internal void RunDetached(Script<object> script) => WaitInterruptibly(script.RunFromAsync(State));

    /// <summary>
    /// Waits for an asynchronous cell. The synchronous part already ran inside RunFromAsync (and is interrupted by
    /// its inserted checks); here an interrupt stops waiting on pending awaits.
    /// </summary>
    private static ScriptState<object> WaitInterruptibly(Task<ScriptState<object>> run)
    {
        // Wait on the handle, not Task.Wait: that would wrap the cell's exception in an AggregateException.
        var handle = ((IAsyncResult)run).AsyncWaitHandle;
        while (!handle.WaitOne(50))
            Cancellation.Check();
        return run.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Whether the cell ends in an expression without ';' (Roslyn's rule for a submission that has a value),
    /// as opposed to a statement whose result is merely null.
    /// </summary>
    private static bool EndsWithExpression(Script script)
    {
        var root = script.GetCompilation().SyntaxTrees.Single().GetRoot();
        return root.ChildNodes().LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };
    }

    /// <summary>Times <paramref name="action"/> with a wall clock.</summary>
    internal static TimeSpan Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }
}
