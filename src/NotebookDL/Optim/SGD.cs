namespace NotebookDL.Optim;

/// <summary>Hyper-parameters of <see cref="SGDOptimizer"/>; the initialisers are PyTorch 1.13's defaults (lr has none there).</summary>
public sealed record SGDOptions : OptimOptions
{
    public SGDOptions(double lr) => this.lr = lr;

    public override double momentum { get; init; } = 0;

    /// <summary>Damps the new gradient's share of the momentum buffer: buf = momentum*buf + (1-dampening)*g.</summary>
    public double dampening { get; init; } = 0;

    /// <summary>Nesterov's look-ahead: step along g + momentum*buf instead of buf.</summary>
    public bool nesterov { get; init; } = false;

    public override void Validate()
    {
        base.Validate();
        if (!(momentum >= 0)) throw Invalid("momentum value", momentum);
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }

    public override Dictionary<string, object> ToDictionary() => new()
    {
        ["lr"] = lr, ["momentum"] = momentum, ["dampening"] = dampening, ["weight_decay"] = weight_decay,
        ["nesterov"] = nesterov, ["maximize"] = maximize,
    };

    public override OptimOptions FromDictionary(IReadOnlyDictionary<string, object> group) => this with
    {
        lr = Number(group, "lr", lr), momentum = Number(group, "momentum", momentum),
        dampening = Number(group, "dampening", dampening), weight_decay = Number(group, "weight_decay", weight_decay),
        nesterov = Flag(group, "nesterov", nesterov), maximize = Flag(group, "maximize", maximize),
    };
}

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov and L2 weight decay — PyTorch 1.13's
/// update exactly: g += wd*p; buf = g (first step) or momentum*buf + (1-dampening)*g; p -= lr * (nesterov ? g + momentum*buf : buf).
/// State: "momentum_buffer" when momentum is non-zero.
/// </summary>
public class SGDOptimizer : Optimizer
{
    public SGDOptimizer(IEnumerable<ParameterGroup> param_groups, SGDOptions defaults) : base(param_groups, defaults) { }

    protected override void Update(OptimOptions options, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        var o = (SGDOptions)options;
        var d_p = o.maximize ? grad.neg() : grad;
        if (o.weight_decay != 0) d_p = d_p.add(param, Arg(o.weight_decay));
        if (o.momentum != 0)
        {
            if (!state.TryGetValue("momentum_buffer", out var buf))
                buf = NewState(state, "momentum_buffer", d_p.clone().detach());
            else
                buf.mul_(Arg(o.momentum)).add_(d_p, Arg(1 - o.dampening));
            d_p = o.nesterov ? d_p.add(buf, Arg(o.momentum)) : buf;
        }
        param.add_(d_p, Arg(-o.lr));
    }
}
