
namespace NotebookDL.Learning;

/// <summary>The hyper-parameters a <see cref="ParamScheduler"/> can drive.</summary>
public enum Hyper
{
    /// <summary>Learning rate.</summary>
    Lr,

    /// <summary>Momentum (SGD momentum, Adam's beta1).</summary>
    Mom,

    /// <summary>Weight decay.</summary>
    Wd,
}

/// <summary>
/// Sets hyper-parameters of every parameter group before each training batch from schedule functions of
/// <see cref="Learner.PctTrain"/> (fastai's <c>ParamScheduler</c>). Give one schedule to apply to all groups, or one
/// per group (discriminative rates). The values set are recorded in <see cref="Hps"/>.
/// <example><code>learn.Fit(3, cbs: [new ParamScheduler(new() { [Hyper.Lr] = [Sched.Cos(1e-2, 1e-4)] })]);</code></example>
/// </summary>
public sealed class ParamScheduler(IReadOnlyDictionary<Hyper, Func<double, double>[]> scheds) : Callback
{
    public override int Order => 60;

    public IReadOnlyDictionary<Hyper, Func<double, double>[]> Scheds { get; } = scheds;

    /// <summary>For each scheduled hyper-parameter, the value given to the last group at each batch.</summary>
    public Dictionary<Hyper, List<double>> Hps { get; } = [];

    public override void BeforeFit()
    {
        Hps.Clear();
        var groups = Learn.Opt?.param_groups.Count ?? 1;
        foreach (var (hyper, fs) in Scheds)
        {
            if (fs.Length != 1 && fs.Length != groups)
                throw new ArgumentException($"{hyper} has {fs.Length} schedules but the optimizer has {groups} parameter groups; give 1 or {groups}.");
            Hps[hyper] = [];
        }
    }

    public override void BeforeBatch()
    {
        if (!Learn.Training) return;
        var groups = Learn.Opt!.param_groups;
        foreach (var (hyper, fs) in Scheds)
        {
            for (var i = 0; i < groups.Count; i++)
                Set(groups[i], hyper, (fs.Length == 1 ? fs[0] : fs[i])(Learn.PctTrain));
            Hps[hyper].Add(Get(groups[^1], hyper));
        }
    }

    internal static void Set(ParameterGroup group, Hyper hyper, double value)
    {
        switch (hyper)
        {
            case Hyper.Lr: group.lr = value; break;
            case Hyper.Mom: group.momentum = value; break;
            default: group.weight_decay = value; break;
        }
    }

    internal static double Get(ParameterGroup group, Hyper hyper) => hyper switch
    {
        Hyper.Lr => group.lr,
        Hyper.Mom => group.momentum,
        _ => group.weight_decay,
    };
}
