namespace NotebookDL.Optim;

/// <summary>
/// Hyper-parameter schedules as plain functions of training progress <c>pct</c> in [0, 1] (fastai v2's
/// <c>SchedLin</c>, <c>SchedCos</c>, <c>combine_scheds</c>, ...). A training loop evaluates them each batch with
/// pct = batches done / total batches and writes the value into <c>param_groups[i].lr</c> or <c>.momentum</c>.
/// <example><code>
/// var lr = Sched.OneCycleLr(3e-3);
/// lr(0) == 3e-3 / 25; lr(0.25) == 3e-3; lr(1) == 3e-3 / 25 / 1e5 (approximately)
/// </code></example>
/// </summary>
public static partial class Sched
{
    /// <summary>Straight line from <paramref name="start"/> (pct 0) to <paramref name="end"/> (pct 1).</summary>
    public static Func<double, double> Linear(double start, double end) => pct => start + pct * (end - start);

    /// <summary>Half a cosine from <paramref name="start"/> to <paramref name="end"/>: flat at both ends, steepest in the middle.</summary>
    public static Func<double, double> Cos(double start, double end) =>
        pct => start + (1 + Math.Cos(Math.PI * (1 - pct))) * (end - start) / 2;

    /// <summary>Geometric interpolation, start * (end/start)^pct: a straight line on a log axis (lr_find's sweep).</summary>
    public static Func<double, double> Exp(double start, double end) => pct => start * Math.Pow(end / start, pct);

    /// <summary>The constant <paramref name="start"/>.</summary>
    public static Func<double, double> No(double start) => _ => start;

    /// <summary>
    /// Runs <paramref name="scheds"/> one after another: schedule i covers a fraction <c>pcts[i]</c> of training and
    /// sees its own progress from 0 to 1 over that stretch (fastai's <c>combine_scheds</c>).
    /// </summary>
    /// <param name="pcts">Non-negative fractions summing to 1 (within 1e-9).</param>
    /// <param name="scheds">One schedule per fraction.</param>
    public static Func<double, double> Combine(IReadOnlyList<double> pcts, IReadOnlyList<Func<double, double>> scheds)
    {
        if (pcts.Count == 0 || pcts.Count != scheds.Count)
            throw new ArgumentException($"Combine needs one schedule per fraction, got {pcts.Count} fractions and {scheds.Count} schedules.");
        if (pcts.Any(p => !(p >= 0)))
            throw new ArgumentException($"Combine's fractions must be non-negative, got [{string.Join(", ", pcts)}].", nameof(pcts));
        var total = pcts.Sum();
        if (Math.Abs(total - 1) > 1e-9)
            throw new ArgumentException($"Combine's fractions must sum to 1, got {total} from [{string.Join(", ", pcts)}].", nameof(pcts));

        // Phase boundaries: bounds[i] is where schedule i starts, bounds[^1] is 1.
        var bounds = new double[pcts.Count + 1];
        for (var i = 0; i < pcts.Count; i++) bounds[i + 1] = bounds[i] + pcts[i];
        var scheduleList = scheds.ToArray();
        return pct =>
        {
            // The last phase whose start is <= pct (as fastai: a later phase wins at a shared boundary).
            var idx = 0;
            for (var i = 0; i < scheduleList.Length; i++)
                if (pct >= bounds[i]) idx = i;
            var width = bounds[idx + 1] - bounds[idx];
            var local = width > 0 ? (pct - bounds[idx]) / width : 1;
            return scheduleList[idx](local);
        };
    }

    /// <summary>fastai's <c>combined_cos</c>: cosine from start to middle over <paramref name="pct"/>, then from middle to end.</summary>
    public static Func<double, double> CombinedCos(double pct, double start, double middle, double end) =>
        Combine([pct, 1 - pct], [Cos(start, middle), Cos(middle, end)]);
}
