using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

/// <summary>Where an executing cell's output goes; the kernel turns each call into one iopub message.</summary>
public interface IOutputPublisher
{
    /// <summary>Text written to stdout or stderr (<paramref name="name"/> is "stdout" or "stderr").</summary>
    void Stream(string name, string text);

    /// <summary>A rich display (display_data), optionally updatable later through <paramref name="displayId"/>.</summary>
    void Display(MimeBundle bundle, string? displayId);

    /// <summary>Replaces an earlier display (update_display_data).</summary>
    void UpdateDisplay(MimeBundle bundle, string displayId);

    /// <summary>Clears the cell's output (clear_output); <paramref name="wait"/> defers it to the next output.</summary>
    void ClearOutput(bool wait);

    /// <summary>The value of the cell's last expression (execute_result).</summary>
    void ExecuteResult(int executionCount, MimeBundle bundle);

    /// <summary>An error shown in the cell's output (error message).</summary>
    void Error(ErrorInfo error);
}
