using NotebookDL.Display.Plotting;
using NotebookDL.Learning;

namespace NotebookDL.Inspect;

/// <summary>One layer's activation statistics on one training batch.</summary>
public readonly record struct LayerStats(double Mean, double Std, double NearZero);

/// <summary>
/// fastai's <c>ActivationStats</c>: hooks every layer with parameters (or the given modules) and records, for each
/// training batch, the mean and standard deviation of its output and the fraction of outputs near zero (|a| &lt; 0.05).
/// Activations that grow layer after layer, or collapse to zero and stay there, show up in <see cref="Plot"/> long before
/// the loss says anything.
/// </summary>
/// <example><code>learn.Fit(1, 1e-2, cbs: [new ActivationStats()]); stats.Plot()</code></example>
public sealed class ActivationStats : Callback
{
    private const double NearZeroBound = 0.05;
    private readonly IReadOnlyList<nn.IModule<Tensor, Tensor>>? modules;
    private Hooks? hooks;

    /// <param name="modules">The layers to watch; every layer with its own parameters when null.</param>
    public ActivationStats(IEnumerable<nn.IModule<Tensor, Tensor>>? modules = null) => this.modules = modules?.ToList();

    /// <summary>The watched layers' names (module paths in the model).</summary>
    public IReadOnlyList<string> LayerNames { get; private set; } = [];

    /// <summary>The watched layers' types (Conv2d, Linear...), in the order of <see cref="LayerNames"/>.</summary>
    public IReadOnlyList<string> LayerTypes { get; private set; } = [];

    /// <summary>Per layer, one entry per training batch.</summary>
    public IReadOnlyList<List<LayerStats>> Stats { get; private set; } = [];

    public override void BeforeFit()
    {
        var named = Learn.Model.named_modules().Where(m => m.module is nn.Module<Tensor, Tensor>
            && (modules is null ? m.module.parameters(recurse: false).Any() : modules.Contains(m.module, ReferenceEqualityComparer.Instance))).ToList();
        LayerNames = named.Select(m => m.name).ToList();
        LayerTypes = named.Select(m => m.module.GetType().Name).ToList();
        Stats = named.Select(_ => new List<LayerStats>()).ToList();
        // The hook reduces the output to its three statistics on the spot, so nothing the size of an activation is kept.
        hooks = new Hooks(named.Select(m => (nn.Module<Tensor, Tensor>)m.module), (_, output) =>
        {
            var a = output.detach().to(ScalarType.Float32);
            return torch.stack([a.mean(), a.std(), a.abs().lt(NearZeroBound).to(ScalarType.Float32).mean()]);
        });
    }

    public override void AfterBatch()
    {
        if (!Learn.Training || hooks is null) return;
        for (var i = 0; i < hooks.Count; i++)
            if (hooks[i].Stored is { } s)
            {
                var v = s.data<float>().ToArray();
                Stats[i].Add(new LayerStats(v[0], v[1], v[2]));
            }
    }

    // AfterFit runs even when the fit is cancelled or fails, so the hooks never outlive it.
    public override void AfterFit()
    {
        hooks?.Dispose();
        hooks = null;
    }

    /// <summary>Means, standard deviations or near-zero fractions per batch, one line per layer.</summary>
    /// <param name="stat">"mean", "std" or "near_zero".</param>
    /// <param name="layers">Only these layer indices (in <see cref="LayerNames"/>); all when null.</param>
    /// <param name="title">The figure's title; "Activation standard deviation per layer" and so on when null.</param>
    /// <remarks>Each line is named by its layer's path and type ("4 Conv2d"); past ten lines, where the palette's
    /// colours repeat, the lines are dashed, then dotted, so no two look alike.</remarks>
    public Figure Plot(string stat = "std", IEnumerable<int>? layers = null, string? title = null)
    {
        Func<LayerStats, double> pick = stat switch
        {
            "mean" => s => s.Mean,
            "std" => s => s.Std,
            "near_zero" => s => s.NearZero,
            _ => throw new ArgumentException($"Unknown statistic \"{stat}\": use \"mean\", \"std\" or \"near_zero\".", nameof(stat)),
        };
        var what = stat switch { "mean" => "Mean activation", "std" => "Activation standard deviation", _ => $"Fraction of activations below {NearZeroBound} in size" };
        var figure = new Figure { Layout = { Title = title ?? $"{what} per layer", XAxis = { Title = "training batch" }, YAxis = { Title = stat } } };
        var line = 0;
        foreach (var i in layers ?? Enumerable.Range(0, Stats.Count))
        {
            figure.Add(new Scatter(Enumerable.Range(0, Stats[i].Count).Select(b => (double)b), Stats[i].Select(pick))
                { Name = $"{LayerNames[i]} {LayerTypes[i]}", Color = Palette.At(line), Dash = (line / 10 % 3) switch { 0 => null, 1 => "dash", _ => "dot" } });
            line++;
        }
        return figure;
    }
}
