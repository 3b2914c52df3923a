namespace NotebookDL.Optim;

/// <summary>Hyper-parameters of <see cref="RMSpropOptimizer"/>; the initialisers are PyTorch 1.13's defaults.</summary>
public sealed record RMSpropOptions : OptimOptions
{
    public RMSpropOptions() => lr = 1e-2;

    /// <summary>Decay rate of the running average of the squared gradient.</summary>
    public double alpha { get; init; } = 0.99;

    public double eps { get; init; } = 1e-8;

    public override double momentum { get; init; } = 0;

    /// <summary>Normalise by the estimated variance (subtract the squared running mean of the gradient).</summary>
    public bool centered { get; init; } = false;

    public override void Validate()
    {
        if (!(lr >= 0)) throw Invalid("learning rate", lr);
        if (!(eps >= 0)) throw Invalid("epsilon value", eps);
        if (!(momentum >= 0)) throw Invalid("momentum value", momentum);
        if (!(weight_decay >= 0)) throw Invalid("weight_decay value", weight_decay);
        if (!(alpha >= 0)) throw Invalid("alpha value", alpha);
    }

    public override Dictionary<string, object> ToDictionary() => new()
    {
        ["lr"] = lr, ["momentum"] = momentum, ["alpha"] = alpha, ["eps"] = eps, ["centered"] = centered,
        ["weight_decay"] = weight_decay, ["maximize"] = maximize,
    };

    public override OptimOptions FromDictionary(IReadOnlyDictionary<string, object> group) => this with
    {
        lr = Number(group, "lr", lr), momentum = Number(group, "momentum", momentum), alpha = Number(group, "alpha", alpha),
        eps = Number(group, "eps", eps), centered = Flag(group, "centered", centered),
        weight_decay = Number(group, "weight_decay", weight_decay), maximize = Flag(group, "maximize", maximize),
    };
}

/// <summary>
/// RMSprop — PyTorch 1.13's single-tensor update exactly: v = a*v + (1-a)*g²; avg = sqrt(v - m²) (centered, with
/// m = a*m + (1-a)*g) or sqrt(v), plus eps; then p -= lr*buf with buf = momentum*buf + g/avg, or p -= lr*g/avg.
/// State: "step" (0-d float32; an int in PyTorch), "square_avg", "momentum_buffer", "grad_avg".
/// </summary>
public sealed class RMSpropOptimizer : Optimizer
{
    public RMSpropOptimizer(IEnumerable<ParameterGroup> param_groups, RMSpropOptions defaults) : base(param_groups, defaults) { }

    protected override void Update(OptimOptions options, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        var o = (RMSpropOptions)options;
        if (!state.TryGetValue("step", out var stepT))
        {
            stepT = NewState(state, "step", torch.tensor(0f));
            NewState(state, "square_avg", torch.zeros_like(param));
        }
        // Buffers appear when a group turns momentum or centering on, as PyTorch creates them lazily too.
        if (o.momentum > 0 && !state.ContainsKey("momentum_buffer")) NewState(state, "momentum_buffer", torch.zeros_like(param));
        if (o.centered && !state.ContainsKey("grad_avg")) NewState(state, "grad_avg", torch.zeros_like(param));
        stepT.add_(Arg(1), alpha: Arg(1));   // the one-argument overload makes an alpha of its own that only the GC frees

        if (o.maximize) grad = grad.neg();
        if (o.weight_decay != 0) grad = grad.add(param, Arg(o.weight_decay));

        var squareAvg = state["square_avg"];
        squareAvg.mul_(Arg(o.alpha)).addcmul_(grad, grad, Arg(1 - o.alpha));

        Tensor avg;
        if (o.centered)
        {
            var gradAvg = state["grad_avg"];
            gradAvg.mul_(Arg(o.alpha)).add_(grad, Arg(1 - o.alpha));
            avg = squareAvg.clone().addcmul_(gradAvg, gradAvg, Arg(-1)).sqrt_();
        }
        else
        {
            avg = squareAvg.sqrt();
        }
        avg.add_(Arg(o.eps), alpha: Arg(1));

        if (o.momentum > 0)
        {
            var buf = state["momentum_buffer"];
            buf.mul_(Arg(o.momentum)).addcdiv_(grad, avg, Arg(1));
            param.add_(buf, Arg(-o.lr));
        }
        else
        {
            param.addcdiv_(grad, avg, Arg(-o.lr));
        }
    }
}
