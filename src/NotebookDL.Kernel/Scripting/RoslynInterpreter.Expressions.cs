using Microsoft.CodeAnalysis;
using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

public sealed partial class RoslynInterpreter
{
    /// <summary>
    /// Evaluates execute_request's user_expressions against the state after the cell, without keeping
    /// anything they define; each gives a formatted value or its own error.
    /// </summary>
    private Dictionary<string, ExpressionResult> EvaluateUserExpressions(IReadOnlyDictionary<string, string>? expressions)
    {
        var results = new Dictionary<string, ExpressionResult>();
        foreach (var (name, expression) in expressions ?? new Dictionary<string, string>())
        {
            try
            {
                var script = State.Script.ContinueWith(expression);
                var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    results[name] = new(null, ErrorReports.FromDiagnostics(errors, new InstrumentedCell(expression, expression, [])));
                    continue;
                }
                var value = script.RunFromAsync(State).GetAwaiter().GetResult();
                results[name] = value.Exception is { } ex
                    ? new(null, ErrorReports.FromException(ex))
                    : new(Formatter.Format(value.ReturnValue), null);
            }
            catch (Exception ex)
            {
                results[name] = new(null, ErrorReports.FromException(ex));
            }
        }
        return results;
    }
}
