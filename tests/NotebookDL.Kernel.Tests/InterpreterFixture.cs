using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

/// <summary>One warmed-up interpreter shared by the interpreter tests (Roslyn's first compile takes seconds).</summary>
public sealed class InterpreterFixture
{
    private int count;

    public InterpreterFixture()
    {
        Interpreter = new RoslynInterpreter(new MagicRegistry());
        Interpreter.WaitUntilReady();
    }

    public RoslynInterpreter Interpreter { get; }

    internal (ExecuteOutcome Outcome, RecordingOutput Output) Run(string code, bool allowStdin = false,
        IReadOnlyDictionary<string, string>? expressions = null, params string[] answers)
    {
        var output = new RecordingOutput { IsAllowed = allowStdin };
        foreach (var a in answers) output.Answers.Enqueue(a);
        var outcome = Interpreter.Execute(new ExecuteRequest(code, ++count, UserExpressions: expressions), output, output);
        return (outcome, output);
    }
}

[CollectionDefinition("interpreter")]
public sealed class InterpreterCollection : ICollectionFixture<InterpreterFixture>;
