namespace NotebookDL.Learning;

/// <summary>
/// A learning rate for a fit: one value for every layer group, or a fastai <c>slice</c> spreading rates over the
/// groups (discriminative learning rates). A plain <c>double</c> converts implicitly: <c>learn.Fit(1, 1e-3)</c>.
/// </summary>
public readonly record struct LrSpec
{
    private LrSpec(double? lo, double hi, bool isSlice) => (Lo, Hi, IsSlice) = (lo, hi, isSlice);

    /// <summary>Rate of the first group for <c>Slice(lo, hi)</c>; null for a single value or <c>Slice(hi)</c>.</summary>
    public double? Lo { get; }

    /// <summary>Rate of the last group (the single value when not a slice).</summary>
    public double Hi { get; }

    public bool IsSlice { get; }

    public static LrSpec Single(double lr) => new(null, Positive(lr), false);

    public static LrSpec Slice(double hi) => new(null, Positive(hi), true);

    public static LrSpec Slice(double lo, double hi) => new(Positive(lo), Positive(hi), true);

    public static implicit operator LrSpec(double lr) => Single(lr);

    /// <summary>
    /// One rate per group, as fastai: a single value repeats; <c>Slice(lo, hi)</c> is geometric from lo to hi
    /// (<c>even_mults</c>); <c>Slice(hi)</c> gives hi/10 to every group but the last, which gets hi.
    /// </summary>
    public double[] ForGroups(int groups)
    {
        if (groups < 1) throw new ArgumentOutOfRangeException(nameof(groups), groups, "There must be at least one layer group.");
        var hi = Hi;
        if (!IsSlice) return Enumerable.Repeat(hi, groups).ToArray();
        if (Lo is not { } lo) return Enumerable.Range(0, groups).Select(i => i == groups - 1 ? hi : hi / 10).ToArray();
        if (groups == 1) return [Hi];
        var step = Math.Pow(hi / lo, 1.0 / (groups - 1));
        return Enumerable.Range(0, groups).Select(i => lo * Math.Pow(step, i)).ToArray();
    }

    /// <summary>This spec with every rate divided by <paramref name="divisor"/> (keeps the slice shape).</summary>
    public LrSpec DividedBy(double divisor) => new(Lo / divisor, Hi / divisor, IsSlice);

    public override string ToString() => !IsSlice ? $"{Hi:G4}" : Lo is { } lo ? $"slice({lo:G4}, {Hi:G4})" : $"slice({Hi:G4})";

    private static double Positive(double lr) =>
        lr > 0 && double.IsFinite(lr) ? lr : throw new ArgumentOutOfRangeException(nameof(lr), lr, "A learning rate must be positive and finite.");
}

/// <summary>
/// fastai's <c>slice</c> for learning rates; with <c>using static NotebookDL.Learning.Lr;</c> a lesson writes
/// <c>learn.FitOneCycle(2, Slice(1e-5, 1e-3))</c>.
/// </summary>
public static class Lr
{
    /// <summary>Geometric spread from <paramref name="lo"/> (first layer group) to <paramref name="hi"/> (last).</summary>
    public static LrSpec Slice(double lo, double hi) => LrSpec.Slice(lo, hi);

    /// <summary><paramref name="hi"/> for the last layer group, hi/10 for the others.</summary>
    public static LrSpec Slice(double hi) => LrSpec.Slice(hi);
}
