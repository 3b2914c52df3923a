using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

/// <summary>One execute request as the interpreter sees it.</summary>
/// <param name="Code">The cell's source.</param>
/// <param name="ExecutionCount">The number shown as In[n] / Out[n].</param>
/// <param name="Silent">Run without producing output or results.</param>
/// <param name="UserExpressions">Name -> expression to evaluate after the cell, returned in the reply.</param>
public sealed record ExecuteRequest(string Code, int ExecutionCount, bool Silent = false,
                                    IReadOnlyDictionary<string, string>? UserExpressions = null);

/// <summary>An error as Jupyter shows it: type name, message, and traceback lines.</summary>
public sealed record ErrorInfo(string Name, string Value, IReadOnlyList<string> Traceback);

/// <summary>The result of one user expression: a formatted value, or an error.</summary>
public sealed record ExpressionResult(MimeBundle? Value, ErrorInfo? Error);

/// <summary>How a cell ended.</summary>
public sealed record ExecuteOutcome(ErrorInfo? Error, IReadOnlyDictionary<string, ExpressionResult> UserExpressions)
{
    /// <summary>Text for the front end's pager (execute_reply payload "page"), e.g. from <c>#!help</c>.</summary>
    public IReadOnlyList<MimeBundle> Pages { get; init; } = [];

    /// <summary>True when the cell ran to completion.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>Completion matches replacing the text between <paramref name="CursorStart"/> and <paramref name="CursorEnd"/> (UTF-16).</summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);

/// <summary>Help for a symbol; <see cref="Data"/> is null when nothing was found.</summary>
public sealed record InspectionResult(MimeBundle? Data)
{
    public static InspectionResult NotFound { get; } = new((MimeBundle?)null);
    public bool Found => Data is not null;
}

/// <summary>The three answers of is_complete.</summary>
public enum CompletenessStatus { Complete, Incomplete, Invalid, Unknown }

/// <summary>Whether code is complete, and the indent to offer for the next line when it is not.</summary>
public sealed record IsCompleteResult(CompletenessStatus Status, string Indent = "");
