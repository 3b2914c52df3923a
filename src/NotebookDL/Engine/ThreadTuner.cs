using System.Diagnostics;

namespace NotebookDL.Engine;

/// <summary>
/// Chooses between all free cores and one thread for the steps of one workload, by timing them. Small models lose
/// with two threads (measured 2026-12-07, idle: the tabular net's step 499 us at 2 threads against 420 us at 1, an
/// epoch 1.40 s against 1.06 s), large ones win (the small CNN's epoch 14.5 ms against 24.6 ms per step), and which
/// one a model is cannot be told from outside. So each workload's steps are timed: after
/// <see cref="WarmUp"/> steps, <see cref="Samples"/> at the free cores and as many at one thread; one thread is kept
/// when its median step is at least 5 % faster. The time between two <see cref="Next(int)"/> calls on the same thread is
/// one step (a Learner batch, a loop iteration of a kernel cell).
/// </summary>
internal sealed class ThreadTuner
{
    public const int WarmUp = 5, Samples = 8;

    private readonly List<double> many = [], one = [];
    private long last;
    private int steps;
    private int previous;
    private bool? preferOne;

    /// <summary>The workload this tuner measures (see <see cref="ThreadPolicy.Retune"/>).</summary>
    public int Generation { get; private set; } = -1;

    /// <summary>Starts over for a new workload.</summary>
    public void Reset(int generation)
    {
        many.Clear();
        one.Clear();
        (last, steps, previous, preferOne, Generation) = (0, 0, 0, null, generation);
    }

    /// <summary>Records the step that just ended and returns the thread count for the next one.</summary>
    public int Next(int free)
    {
        if (preferOne is { } decided) return previous = decided || free <= 1 ? 1 : free; // no clock once decided
        var now = Stopwatch.GetTimestamp();
        var elapsed = last == 0 ? 0 : Stopwatch.GetElapsedTime(last, now).TotalSeconds;
        last = now;
        return Next(free, elapsed);
    }

    /// <summary><see cref="Next(int)"/> with the step's duration given (tests).</summary>
    internal int Next(int free, double elapsed)
    {
        if (steps++ > WarmUp && preferOne is null)
            (previous == 1 ? one : many).Add(elapsed);
        if (free <= 1) return previous = 1; // nothing to choose (and no sample lost: the load decides)
        if (preferOne is { } decided) return previous = decided ? 1 : free;
        if (steps <= WarmUp || many.Count < Samples) return previous = free;
        if (one.Count < Samples) return previous = 1;
        preferOne = Median(one) < 0.95 * Median(many);
        return previous = preferOne.Value ? 1 : free;
    }

    /// <summary>The thread count this tuner wants now, without recording a step.</summary>
    public int Choice(int free) => preferOne is { } decided
        ? (decided || free <= 1 ? 1 : free)
        : previous == 0 ? free : Math.Min(previous, free);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
