namespace NotebookDL.Optim;

// The schedules of fastai's training recipes (fit_one_cycle, fit_sgdr, fit_flat_cos), built from Sched's primitives.
public static partial class Sched
{
    /// <summary>
    /// The learning rate of fastai's <c>fit_one_cycle</c>: cosine warm-up from lrMax/div to lrMax over
    /// <paramref name="pctStart"/> of training, then cosine annealing down to lrMax/divFinal.
    /// </summary>
    public static Func<double, double> OneCycleLr(double lrMax, double div = 25, double divFinal = 1e5, double pctStart = 0.25)
    {
        if (!(pctStart >= 0 && pctStart <= 1)) throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "pctStart must be in [0, 1].");
        return CombinedCos(pctStart, lrMax / div, lrMax, lrMax / divFinal);
    }

    /// <summary>
    /// The momentum of <c>fit_one_cycle</c>: cosine from <paramref name="start"/> down to <paramref name="middle"/>
    /// while the learning rate warms up, then back up to <paramref name="end"/>.
    /// </summary>
    public static Func<double, double> OneCycleMom(double start = 0.95, double middle = 0.85, double end = 0.95, double pctStart = 0.25) =>
        CombinedCos(pctStart, start, middle, end);

    /// <summary>
    /// Cosine annealing with warm restarts (fastai's <c>fit_sgdr</c>): <paramref name="nCycles"/> cycles, cycle i
    /// lasting cycleLen * cycleMult^i epochs, each a cosine from <paramref name="lrMax"/> to 0. As a function of
    /// overall progress, cycle i starts at pct = (epochs of cycles before i) / (total epochs).
    /// </summary>
    public static Func<double, double> Sgdr(double lrMax, int nCycles, double cycleLen = 1, double cycleMult = 2)
    {
        if (nCycles < 1) throw new ArgumentOutOfRangeException(nameof(nCycles), nCycles, "Sgdr needs at least one cycle.");
        if (!(cycleLen > 0)) throw new ArgumentOutOfRangeException(nameof(cycleLen), cycleLen, "cycleLen must be positive.");
        if (!(cycleMult > 0)) throw new ArgumentOutOfRangeException(nameof(cycleMult), cycleMult, "cycleMult must be positive.");
        var lengths = Enumerable.Range(0, nCycles).Select(i => cycleLen * Math.Pow(cycleMult, i)).ToArray();
        var total = SgdrEpochs(nCycles, cycleLen, cycleMult);
        return Combine(lengths.Select(l => l / total).ToArray(), lengths.Select(_ => Cos(lrMax, 0)).ToArray());
    }

    /// <summary>Epochs <see cref="Sgdr"/> spans: cycleLen * (1 + m + ... + m^(n-1)), i.e. n*cycleLen when m = 1.</summary>
    public static double SgdrEpochs(int nCycles, double cycleLen = 1, double cycleMult = 2) =>
        Enumerable.Range(0, nCycles).Sum(i => cycleLen * Math.Pow(cycleMult, i));

    /// <summary>
    /// fastai's <c>fit_flat_cos</c>: constant <paramref name="lr"/> for <paramref name="pctStart"/> of training, then
    /// cosine annealing to lr/divFinal.
    /// </summary>
    public static Func<double, double> FlatCos(double lr, double pctStart = 0.75, double divFinal = 1e5) =>
        CombinedCos(pctStart, lr, lr, lr / divFinal);
}
