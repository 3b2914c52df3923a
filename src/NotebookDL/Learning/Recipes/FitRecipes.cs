
namespace NotebookDL.Learning;

/// <summary>
/// fastai's training recipes. Each is thin: it turns its arguments into schedule functions (<see cref="Sched"/>),
/// wraps them in a <see cref="ParamScheduler"/> and calls <see cref="Learner.Fit"/>. Arguments left null take their
/// value from the options records (<see cref="OneCycleOptions"/>, ...), where every default is written once.
/// </summary>
public static class FitRecipes
{
    /// <summary>
    /// 1cycle training: the learning rate warms up from lrMax/div to lrMax over pctStart of training and anneals to
    /// lrMax/divFinal (cosine both ways) while momentum does the opposite (moms).
    /// </summary>
    /// <param name="learn">The learner.</param>
    /// <param name="nEpoch">Epochs.</param>
    /// <param name="lrMax">Peak rate, or a slice for discriminative rates; the learner's <see cref="Learner.Lr"/> when null.</param>
    /// <param name="div">lrMax / starting rate.</param>
    /// <param name="divFinal">lrMax / final rate.</param>
    /// <param name="pctStart">Fraction of training spent warming up.</param>
    /// <param name="moms">Momentum at start, peak and end; the learner's <see cref="Learner.Moms"/> when null.</param>
    /// <param name="wd">Weight decay for this fit.</param>
    /// <param name="cbs">Extra callbacks for this fit.</param>
    public static void FitOneCycle(this Learner learn, int nEpoch, LrSpec? lrMax = null, double? div = null, double? divFinal = null,
        double? pctStart = null, (double, double, double)? moms = null, double? wd = null, IEnumerable<ICallback>? cbs = null)
    {
        var d = OneCycleOptions.Default;
        var (dv, dvFinal, pct, (m0, m1, m2)) = (div ?? d.Div, divFinal ?? d.DivFinal, pctStart ?? d.PctStart, moms ?? learn.Moms);
        var peaks = GroupLrs(learn, lrMax ?? learn.Lr);
        var scheds = new Dictionary<Hyper, Func<double, double>[]>
        {
            [Hyper.Lr] = peaks.Select(lr => Sched.OneCycleLr(lr, dv, dvFinal, pct)).ToArray(),
            [Hyper.Mom] = [Sched.OneCycleMom(m0, m1, m2, pct)],
        };
        learn.Fit(nEpoch, lrMax ?? learn.Lr, wd, [new ParamScheduler(scheds), .. cbs ?? []]);
    }

    /// <summary>
    /// SGDR: <paramref name="nCycles"/> cosine annealing cycles from lrMax to 0, the i-th lasting cycleLen * cycleMult^i
    /// epochs (fastai's <c>fit_sgdr</c>).
    /// </summary>
    /// <param name="learn">The learner.</param>
    /// <param name="nCycles">Number of cycles.</param>
    /// <param name="cycleLen">Epochs of the first cycle.</param>
    /// <param name="lrMax">Rate at the start of every cycle; the learner's <see cref="Learner.Lr"/> when null.</param>
    /// <param name="cycleMult">Growth of the cycle length.</param>
    /// <param name="wd">Weight decay for this fit.</param>
    /// <param name="cbs">Extra callbacks for this fit.</param>
    public static void FitSgdr(this Learner learn, int nCycles, int cycleLen, LrSpec? lrMax = null, double? cycleMult = null,
        double? wd = null, IEnumerable<ICallback>? cbs = null)
    {
        var mult = cycleMult ?? SgdrOptions.Default.CycleMult;
        var epochs = Sched.SgdrEpochs(nCycles, cycleLen, mult);
        if (Math.Abs(epochs - Math.Round(epochs)) > 1e-9)
            throw new ArgumentException($"FitSgdr needs a whole number of epochs, but {nCycles} cycles of {cycleLen} x {mult}^i make {epochs}.", nameof(cycleMult));
        var peaks = GroupLrs(learn, lrMax ?? learn.Lr);
        var scheds = new Dictionary<Hyper, Func<double, double>[]>
        {
            [Hyper.Lr] = peaks.Select(lr => Sched.Sgdr(lr, nCycles, cycleLen, mult)).ToArray(),
        };
        learn.Fit((int)Math.Round(epochs), lrMax ?? learn.Lr, wd, [new ParamScheduler(scheds), .. cbs ?? []]);
    }

    /// <summary>Flat learning rate for pctStart of training, then cosine annealing to lr/divFinal (fastai's <c>fit_flat_cos</c>).</summary>
    /// <param name="learn">The learner.</param>
    /// <param name="nEpoch">Epochs.</param>
    /// <param name="lr">The flat rate (or slice); the learner's <see cref="Learner.Lr"/> when null.</param>
    /// <param name="pctStart">Fraction of training at the flat rate.</param>
    /// <param name="divFinal">lr / final rate.</param>
    /// <param name="wd">Weight decay for this fit.</param>
    /// <param name="cbs">Extra callbacks for this fit.</param>
    public static void FitFlatCos(this Learner learn, int nEpoch, LrSpec? lr = null, double? pctStart = null, double? divFinal = null,
        double? wd = null, IEnumerable<ICallback>? cbs = null)
    {
        var d = FlatCosOptions.Default;
        var rates = GroupLrs(learn, lr ?? learn.Lr);
        var scheds = new Dictionary<Hyper, Func<double, double>[]>
        {
            [Hyper.Lr] = rates.Select(r => Sched.FlatCos(r, pctStart ?? d.PctStart, divFinal ?? d.DivFinal)).ToArray(),
        };
        learn.Fit(nEpoch, lr ?? learn.Lr, wd, [new ParamScheduler(scheds), .. cbs ?? []]);
    }

    /// <summary>
    /// Transfer learning as fastai's <c>fine_tune</c>: freeze, one-cycle for freezeEpochs at slice(baseLr) with
    /// pct_start 0.99; then halve baseLr, unfreeze, and one-cycle for <paramref name="epochs"/> at
    /// slice(baseLr/lrMult, baseLr) with pct_start 0.3 and div 5.
    /// </summary>
    /// <param name="learn">The learner (its splitter should put the pretrained body before the head).</param>
    /// <param name="epochs">Epochs after unfreezing.</param>
    /// <param name="baseLr">Head learning rate of the frozen phase.</param>
    /// <param name="freezeEpochs">Epochs with the body frozen.</param>
    /// <param name="lrMult">Ratio of the head's to the first group's rate after unfreezing.</param>
    /// <param name="pctStart">pct_start of the unfrozen phase.</param>
    /// <param name="div">div of the unfrozen phase.</param>
    /// <param name="cbs">Extra callbacks for both phases.</param>
    public static void FineTune(this Learner learn, int epochs, double? baseLr = null, int? freezeEpochs = null, double? lrMult = null,
        double? pctStart = null, double? div = null, IEnumerable<ICallback>? cbs = null)
    {
        var d = FineTuneOptions.Default;
        var lr = baseLr ?? d.BaseLr;
        var callbacks = cbs?.ToList() ?? [];
        learn.Freeze();
        learn.FitOneCycle(freezeEpochs ?? d.FreezeEpochs, Lr.Slice(lr), pctStart: d.FreezePctStart, cbs: callbacks);
        lr /= 2;
        learn.Unfreeze();
        learn.FitOneCycle(epochs, Lr.Slice(lr / (lrMult ?? d.LrMult), lr), pctStart: pctStart ?? d.PctStart, div: div ?? d.Div, cbs: callbacks);
    }

    /// <summary>Per-group rates of <paramref name="lr"/> for the learner's current layer groups.</summary>
    private static double[] GroupLrs(Learner learn, LrSpec lr) => lr.ForGroups((learn.Opt ?? learn.CreateOpt()).param_groups.Count);
}
