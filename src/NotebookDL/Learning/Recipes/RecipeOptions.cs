namespace NotebookDL.Learning;

/// <summary>Defaults of <c>FitOneCycle</c> (fastai v2: div 25, div_final 1e5, pct_start 0.25, moms 0.95/0.85/0.95).</summary>
public sealed record OneCycleOptions
{
    public static OneCycleOptions Default { get; } = new();

    /// <summary>The start learning rate is lrMax / Div.</summary>
    public double Div { get; init; } = 25;

    /// <summary>The final learning rate is lrMax / DivFinal.</summary>
    public double DivFinal { get; init; } = 1e5;

    /// <summary>Fraction of training spent warming up.</summary>
    public double PctStart { get; init; } = 0.25;

    /// <summary>Momentum at the start, at the peak learning rate, and at the end.</summary>
    public (double Start, double Middle, double End) Moms { get; init; } = (0.95, 0.85, 0.95);
}

/// <summary>Defaults of <c>FitSgdr</c> (fastai: cycle_mult 2).</summary>
public sealed record SgdrOptions
{
    public static SgdrOptions Default { get; } = new();

    public double CycleMult { get; init; } = 2;
}

/// <summary>Defaults of <c>FitFlatCos</c> (fastai: pct_start 0.75, div_final 1e5).</summary>
public sealed record FlatCosOptions
{
    public static FlatCosOptions Default { get; } = new();

    public double PctStart { get; init; } = 0.75;

    public double DivFinal { get; init; } = 1e5;
}

/// <summary>
/// Defaults of <c>FineTune</c> (fastai: base_lr 2e-3, freeze_epochs 1, lr_mult 100, pct_start 0.3, div 5; the frozen
/// phase uses pct_start 0.99).
/// </summary>
public sealed record FineTuneOptions
{
    public static FineTuneOptions Default { get; } = new();

    public double BaseLr { get; init; } = 2e-3;

    public int FreezeEpochs { get; init; } = 1;

    /// <summary>The first layer group trains lrMult times slower than the head after unfreezing.</summary>
    public double LrMult { get; init; } = 100;

    /// <summary>pct_start of the unfrozen phase.</summary>
    public double PctStart { get; init; } = 0.3;

    /// <summary>div of the unfrozen phase.</summary>
    public double Div { get; init; } = 5;

    /// <summary>pct_start of the frozen phase.</summary>
    public double FreezePctStart { get; init; } = 0.99;
}

/// <summary>Defaults of <c>LrFind</c> (fastai: 1e-7 to 10 over 100 iterations, stop when the loss diverges).</summary>
public sealed record LrFindOptions
{
    public static LrFindOptions Default { get; } = new();

    public double StartLr { get; init; } = 1e-7;

    public double EndLr { get; init; } = 10;

    public int NumIt { get; init; } = 100;

    /// <summary>Stop once the smoothed loss exceeds <see cref="DivergenceFactor"/> times the best seen.</summary>
    public bool StopDiv { get; init; } = true;

    public double DivergenceFactor { get; init; } = 4;

    /// <summary>Display the loss-vs-lr plot with the suggestions.</summary>
    public bool ShowPlot { get; init; } = true;
}
