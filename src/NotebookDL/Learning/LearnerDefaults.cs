namespace NotebookDL.Learning;

/// <summary>
/// The Learner's defaults, written once here (fastai v2's values; a test pins them). Constructors and recipes
/// read <see cref="Values"/> for every argument the caller leaves out.
/// </summary>
public sealed record LearnerDefaults
{
    public static LearnerDefaults Values { get; } = new();

    /// <summary>Learning rate of <c>Fit</c> when none is given (fastai <c>defaults.lr</c>).</summary>
    public double Lr { get; init; } = 1e-3;

    /// <summary>Weight decay, decoupled for AdamW (fastai's Learner <c>wd=None</c> falls back to the optimizer's 0.01).</summary>
    public double Wd { get; init; } = 0.01;

    /// <summary>Keep BatchNorm layers trainable in frozen groups (fastai <c>train_bn=True</c>).</summary>
    public bool TrainBn { get; init; } = true;

    /// <summary>fastai Adam's mom and sqr_mom.</summary>
    public (double, double) AdamBetas { get; init; } = (0.9, 0.99);

    /// <summary>fastai Adam's eps.</summary>
    public double AdamEps { get; init; } = 1e-5;

    /// <summary>Smoothing of the recorded training loss (fastai Recorder <c>beta=0.98</c>).</summary>
    public double SmoothBeta { get; init; } = 0.98;
}
