
namespace NotebookDL.Learning;

/// <summary>Builds an optimizer with one parameter group per layer group, all at learning rate <paramref name="lr"/>.</summary>
public delegate Optimizer OptFunc(IReadOnlyList<IReadOnlyList<Tensor>> layerGroups, double lr);

/// <summary>
/// The optimizers a Learner can use, with fastai's hyper-parameters. Weight decay is set by the Learner on every group
/// before each fit (<see cref="LearnerDefaults.Wd"/>).
/// </summary>
public static class OptFuncs
{
    /// <summary>
    /// fastai's default optimizer: Adam with decoupled weight decay, betas (0.9, 0.99) and eps 1e-5 (fastai's values,
    /// not PyTorch's 0.999 and 1e-8).
    /// </summary>
    public static Optimizer AdamW(IReadOnlyList<IReadOnlyList<Tensor>> layerGroups, double lr) =>
        new AdamWOptimizer(Groups(layerGroups), new AdamWOptions { lr = lr, betas = LearnerDefaults.Values.AdamBetas, eps = LearnerDefaults.Values.AdamEps });

    /// <summary>Adam with coupled (L2) weight decay and fastai's betas and eps.</summary>
    public static Optimizer Adam(IReadOnlyList<IReadOnlyList<Tensor>> layerGroups, double lr) =>
        new AdamOptimizer(Groups(layerGroups), new AdamOptions { lr = lr, betas = LearnerDefaults.Values.AdamBetas, eps = LearnerDefaults.Values.AdamEps });

    /// <summary>SGD (momentum 0 unless a schedule sets it, as fastai; weight decay is PyTorch's coupled L2).</summary>
    public static Optimizer SGD(IReadOnlyList<IReadOnlyList<Tensor>> layerGroups, double lr) =>
        new SGDOptimizer(Groups(layerGroups), new SGDOptions(lr));

    private static ParameterGroup[] Groups(IReadOnlyList<IReadOnlyList<Tensor>> layerGroups) => layerGroups.Select(g => new ParameterGroup(g)).ToArray();
}
