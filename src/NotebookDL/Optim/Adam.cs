using System.Runtime.CompilerServices;

namespace NotebookDL.Optim;

/// <summary>Hyper-parameters of <see cref="AdamOptimizer"/>; the initialisers are PyTorch 1.13's defaults.</summary>
public record AdamOptions : OptimOptions
{
    public AdamOptions() => lr = 1e-3;

    /// <summary>Decay rates of the running averages of the gradient and of its square.</summary>
    public (double beta1, double beta2) betas { get; init; } = (0.9, 0.999);

    /// <summary>Added to the denominator's square root, for numerical stability.</summary>
    public double eps { get; init; } = 1e-8;

    /// <summary>Normalise by the largest second moment seen so far (AMSGrad).</summary>
    public bool amsgrad { get; init; } = false;

    /// <summary>For Adam the scheduled momentum is beta1.</summary>
    public override double momentum
    {
        get => betas.beta1;
        init => betas = (value, betas.beta2);
    }

    /// <summary>True for AdamW: decay the weights directly (p *= 1 - lr*wd) instead of adding wd*p to the gradient.</summary>
    public virtual bool decoupled_weight_decay => false;

    public override void Validate()
    {
        if (!(lr >= 0)) throw Invalid("learning rate", lr);
        if (!(eps >= 0)) throw Invalid("epsilon value", eps);
        if (!(betas.beta1 >= 0 && betas.beta1 < 1)) throw Invalid("beta parameter at index 0", betas.beta1);
        if (!(betas.beta2 >= 0 && betas.beta2 < 1)) throw Invalid("beta parameter at index 1", betas.beta2);
        if (!(weight_decay >= 0)) throw Invalid("weight_decay value", weight_decay);
    }

    public override Dictionary<string, object> ToDictionary() => new()
    {
        ["lr"] = lr, ["betas"] = betas, ["eps"] = eps, ["weight_decay"] = weight_decay,
        ["amsgrad"] = amsgrad, ["maximize"] = maximize,
    };

    public override OptimOptions FromDictionary(IReadOnlyDictionary<string, object> group) => this with
    {
        lr = Number(group, "lr", lr), betas = group.TryGetValue("betas", out var b) ? Pair(b) : betas,
        eps = Number(group, "eps", eps), weight_decay = Number(group, "weight_decay", weight_decay),
        amsgrad = Flag(group, "amsgrad", amsgrad), maximize = Flag(group, "maximize", maximize),
    };

    private static (double, double) Pair(object value) => value switch
    {
        ValueTuple<double, double> t => t,
        ITuple { Length: 2 } t => (Convert.ToDouble(t[0]), Convert.ToDouble(t[1])),
        IReadOnlyList<double> { Count: 2 } l => (l[0], l[1]),
        _ => throw new ArgumentException($"betas must be a pair of numbers, got {value}"),
    };
}

/// <summary>Hyper-parameters of <see cref="AdamWOptimizer"/>: Adam's, with decoupled weight decay defaulting to 1e-2 (PyTorch 1.13).</summary>
public sealed record AdamWOptions : AdamOptions
{
    public AdamWOptions() => weight_decay = 1e-2;

    public override bool decoupled_weight_decay => true;
}

/// <summary>
/// Adam (and, through <see cref="AdamWOptions"/>, AdamW) — PyTorch's single-tensor update:
/// m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g²; p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps).
/// State: "step" (0-d float32), "exp_avg", "exp_avg_sq", and "max_exp_avg_sq" with amsgrad.
/// Contiguous float32 CPU parameters (without amsgrad) are updated in one pass by <see cref="AdamCpuKernel"/>; others
/// (GPU, strided, other dtypes) by the tensor ops below.
/// </summary>
public class AdamOptimizer : Optimizer
{
    public AdamOptimizer(IEnumerable<ParameterGroup> param_groups, AdamOptions defaults) : base(param_groups, defaults) { }

    protected override void Update(OptimOptions options, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        var o = (AdamOptions)options;
        var (beta1, beta2) = o.betas;
        if (o.maximize) grad = grad.neg();
        if (!state.TryGetValue("step", out var stepT))
        {
            stepT = NewState(state, "step", torch.tensor(0f));
            NewState(state, "exp_avg", torch.zeros_like(param));
            NewState(state, "exp_avg_sq", torch.zeros_like(param));
            if (o.amsgrad) NewState(state, "max_exp_avg_sq", torch.zeros_like(param));
        }
        var expAvg = state["exp_avg"];
        var expAvgSq = state["exp_avg_sq"];

        if (!o.amsgrad && AdamCpuKernel.Applies(param, grad, expAvg, expAvgSq, stepT))
        {
            var t = AdamCpuKernel.IncrementStep(stepT);
            AdamCpuKernel.Step(param, grad, expAvg, expAvgSq,
                decay: o.decoupled_weight_decay ? 1 - o.lr * o.weight_decay : 1,
                l2: o.decoupled_weight_decay ? 0 : o.weight_decay,
                beta1, beta2, stepSize: o.lr / (1 - Math.Pow(beta1, t)), Math.Sqrt(1 - Math.Pow(beta2, t)), o.eps);
            return;
        }

        stepT.add_(Arg(1), alpha: Arg(1));   // the one-argument overload makes an alpha of its own that only the GC frees
        if (o.decoupled_weight_decay) param.mul_(Arg(1 - o.lr * o.weight_decay));
        else if (o.weight_decay != 0) grad = grad.add(param, Arg(o.weight_decay));

        expAvg.mul_(Arg(beta1)).add_(grad, Arg(1 - beta1));
        expAvgSq.mul_(Arg(beta2)).addcmul_(grad, grad, Arg(1 - beta2));

        double step = stepT.Item();
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        var stepSize = o.lr / biasCorrection1;
        var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);

        var second = expAvgSq;
        if (o.amsgrad)
        {
            // A group may switch amsgrad on after the first step; start its maximum from the current average.
            if (!state.TryGetValue("max_exp_avg_sq", out var max)) max = NewState(state, "max_exp_avg_sq", torch.zeros_like(param));
            max.copy_(max.maximum(expAvgSq));
            second = max;
        }
        var denom = second.sqrt().div_(Arg(biasCorrection2Sqrt)).add_(Arg(o.eps), alpha: Arg(1));
        param.addcdiv_(expAvg, denom, Arg(-stepSize));
    }
}

/// <summary>AdamW: Adam with decoupled weight decay (Loshchilov and Hutter), PyTorch 1.13's update.</summary>
public sealed class AdamWOptimizer : AdamOptimizer
{
    public AdamWOptimizer(IEnumerable<ParameterGroup> param_groups, AdamWOptions defaults) : base(param_groups, defaults) { }
}
