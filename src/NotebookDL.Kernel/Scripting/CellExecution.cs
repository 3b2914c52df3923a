using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

/// <summary>The state of the cell being executed: its request, where its output goes, and how it ended.</summary>
internal sealed class CellExecution(ExecuteRequest request, IOutputPublisher output, string code)
{
    public ExecuteRequest Request { get; } = request;
    public IOutputPublisher Output { get; } = output;

    /// <summary>The C# part of the cell; magic lines above it are replaced by empty lines so line numbers still match.</summary>
    public string Code { get; set; } = code;

    /// <summary>The first error; later ones are not reported (the cell stops at the first).</summary>
    public ErrorInfo? Error { get; private set; }

    public bool Failed => Error is not null;

    /// <summary>The interrupt flag of this cell (set when it starts on the cell thread).</summary>
    public CellToken? Token { get; set; }

    /// <summary>Bundles for the pager; they travel in the execute_reply, not on iopub.</summary>
    public List<MimeBundle> Pages { get; } = [];

    public void Fail(ErrorInfo error) => Error ??= error;
}
