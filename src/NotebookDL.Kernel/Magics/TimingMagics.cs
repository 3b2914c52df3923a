using NotebookDL.Display;
using NotebookDL.Display.Magics;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Magics;

/// <summary><c>#!time</c> (wall time of one run) and <c>#!timeit</c> (mean ± std over repeated runs).</summary>
internal static class TimingMagics
{
    private const int Repeats = 5;
    private static readonly TimeSpan TargetPerRepeat = TimeSpan.FromMilliseconds(100);

    public static Magic Time(RoslynInterpreter interpreter) => new("time", "Run the cell and report its wall time.", [], _ =>
    {
        var cell = interpreter.Current ?? throw new InvalidOperationException("#!time only works inside a cell.");
        var elapsed = RoslynInterpreter.Time(() => interpreter.RunCode(cell));
        return MimeBundle.PlainText($"Wall time: {FormatDuration(elapsed)}");
    });

    public static Magic TimeIt(RoslynInterpreter interpreter) => new("timeit",
        "Run the cell repeatedly (variables it assigns are not kept) and report mean ± std per loop.",
        [new MagicParameter("loops", "runs per repeat (default: enough for ~0.1 s)", IsOptional: true)], invocation =>
    {
        var cell = interpreter.Current ?? throw new InvalidOperationException("#!timeit only works inside a cell.");
        var script = interpreter.Compile(cell);
        if (script is null) return null; // compile error already recorded on the cell

        int loops;
        if (invocation.Arguments.Count > 0)
        {
            if (!int.TryParse(invocation.Arguments[0], out loops) || loops < 1)
                throw new ArgumentException($"#!timeit loops must be a positive integer, got '{invocation.Arguments[0]}'.");
        }
        else
        {
            var first = RoslynInterpreter.Time(() => interpreter.RunDetached(script));
            loops = (int)Math.Clamp(TargetPerRepeat.TotalMilliseconds / Math.Max(first.TotalMilliseconds, 1e-3), 1, 100_000);
        }

        var perLoop = new double[Repeats];
        for (int r = 0; r < Repeats; r++)
        {
            var elapsed = RoslynInterpreter.Time(() => { for (int i = 0; i < loops; i++) interpreter.RunDetached(script); });
            perLoop[r] = elapsed.TotalSeconds / loops;
        }
        double mean = perLoop.Average();
        double std = Math.Sqrt(perLoop.Sum(t => (t - mean) * (t - mean)) / Repeats);
        return MimeBundle.PlainText(
            $"{FormatDuration(TimeSpan.FromSeconds(mean))} ± {FormatDuration(TimeSpan.FromSeconds(std))} per loop (mean ± std. dev. of {Repeats} runs, {loops} loops each)");
    });

    /// <summary>"12.3 ms", "4.56 µs", "1.23 s": three significant digits in the natural unit.</summary>
    internal static string FormatDuration(TimeSpan duration)
    {
        double seconds = duration.TotalSeconds;
        return seconds switch
        {
            >= 1 => $"{seconds:0.##} s",
            >= 1e-3 => $"{seconds * 1e3:0.##} ms",
            >= 1e-6 => $"{seconds * 1e6:0.##} µs",
            _ => $"{seconds * 1e9:0} ns",
        };
    }
}
