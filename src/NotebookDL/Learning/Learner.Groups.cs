
namespace NotebookDL.Learning;

// Layer groups, freezing and per-group hyper-parameters. Each layer group from the splitter is one optimizer
// parameter group, so discriminative learning rates are just different lr values per group.
public partial class Learner
{
    /// <summary>The model's parameters split into layer groups by <see cref="Splitter"/>.</summary>
    public IReadOnlyList<IReadOnlyList<Tensor>> LayerGroups()
    {
        var groups = Splitter(Model);
        if (groups.Count == 0) throw new InvalidOperationException("The splitter returned no layer groups.");
        return groups;
    }

    /// <summary>Creates a fresh optimizer over the layer groups at the default learning rate.</summary>
    public Optimizer CreateOpt()
    {
        Opt?.Dispose();
        Opt = OptFunc(LayerGroups(), Lr);
        return Opt;
    }

    /// <summary>Sets each parameter group's learning rate from <paramref name="lr"/> (a slice spreads it over the groups).</summary>
    public void SetLr(LrSpec lr)
    {
        var opt = Opt ?? CreateOpt();
        SetHyper((g, v) => g.lr = v, lr.ForGroups(opt.param_groups.Count));
    }

    /// <summary>The learning rate of each parameter group.</summary>
    public double[] Lrs => (Opt ?? CreateOpt()).param_groups.Select(g => g.lr).ToArray();

    internal void SetHyper(Action<ParameterGroup, double> set, IReadOnlyList<double> values)
    {
        var groups = (Opt ?? CreateOpt()).param_groups;
        if (values.Count != groups.Count)
            throw new ArgumentException($"Got {values.Count} values for {groups.Count} parameter groups.", nameof(values));
        for (var i = 0; i < groups.Count; i++) set(groups[i], values[i]);
    }

    /// <summary>
    /// Freezes the first <paramref name="n"/> layer groups (negative counts from the end), unfreezes the rest. With
    /// <see cref="TrainBn"/>, BatchNorm parameters stay trainable everywhere: frozen pretrained statistics on new
    /// data hurt more than the few extra parameters cost. Clears the optimizer's state, as fastai does.
    /// </summary>
    public void FreezeTo(int n)
    {
        var groups = LayerGroups();
        var frozen = n >= 0 ? Math.Min(n, groups.Count) : Math.Max(0, groups.Count + n);
        var batchNorm = new HashSet<Tensor>(Model.modules().OfType<BatchNorm>().SelectMany(m => m.parameters(recurse: false)),
            ReferenceEqualityComparer.Instance);
        for (var g = 0; g < groups.Count; g++)
            foreach (var p in groups[g])
                p.requires_grad_(g >= frozen || (TrainBn && batchNorm.Contains(p)));
        var opt = Opt ?? CreateOpt();
        var state = opt.state_dict();
        opt.load_state_dict(state with { state = new() });
    }

    /// <summary>Trains only the last layer group (and BatchNorm layers): <c>FreezeTo(-1)</c>.</summary>
    public void Freeze() => FreezeTo(-1);

    /// <summary>Makes every layer group trainable again.</summary>
    public void Unfreeze() => FreezeTo(0);
}
