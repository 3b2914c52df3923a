using NotebookDL.Display;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

/// <summary>Collects everything an interpreter publishes, with the time it arrived.</summary>
internal sealed class RecordingOutput : IOutputPublisher, IInputProvider
{
    private readonly object gate = new();
    public List<(string Kind, string Text, DateTime At)> Events { get; } = [];
    public List<(MimeBundle Bundle, string? Id, bool Update)> Displays { get; } = [];
    public MimeBundle? Result { get; private set; }
    public ErrorInfo? LastError { get; private set; }
    public bool IsAllowed { get; init; }
    public Queue<string> Answers { get; } = new();
    public List<string> Prompts { get; } = [];

    public string Stdout { get { lock (gate) return string.Concat(Events.Where(e => e.Kind == "stdout").Select(e => e.Text)); } }

    public void Stream(string name, string text) { lock (gate) Events.Add((name, text, DateTime.UtcNow)); }
    public void Display(MimeBundle bundle, string? displayId) { lock (gate) Displays.Add((bundle, displayId, false)); }
    public void UpdateDisplay(MimeBundle bundle, string displayId) { lock (gate) Displays.Add((bundle, displayId, true)); }
    public List<bool> Clears { get; } = [];
    public void ClearOutput(bool wait) { lock (gate) Clears.Add(wait); }
    public void ExecuteResult(int executionCount, MimeBundle bundle) => Result = bundle;
    public void Error(ErrorInfo error) => LastError = error;

    public string ReadLine(string prompt, bool password)
    {
        Prompts.Add(prompt);
        return Answers.Dequeue();
    }
}
