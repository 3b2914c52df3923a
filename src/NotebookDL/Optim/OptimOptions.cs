using System.Globalization;

namespace NotebookDL.Optim;

/// <summary>
/// The hyper-parameters of one parameter group. Each optimizer has a sealed record deriving from this one whose
/// property initialisers are the ONLY place its defaults are written (a test pins them to PyTorch 1.13's);
/// factories and constructors start from a default record and override what the caller gave.
/// </summary>
public abstract record OptimOptions
{
    /// <summary>Learning rate.</summary>
    public double lr { get; init; }

    /// <summary>L2 penalty (coupled: added to the gradient), or decoupled decay for AdamW.</summary>
    public double weight_decay { get; init; }

    /// <summary>Follow the gradient uphill instead of down (PyTorch's <c>maximize</c>).</summary>
    public bool maximize { get; init; }

    /// <summary>
    /// The knob fastai schedules as "mom": SGD's and RMSprop's momentum, Adam's first beta. Setting it on an Adam
    /// group changes <c>betas.beta1</c> only.
    /// </summary>
    public abstract double momentum { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value, in PyTorch's words.</summary>
    public virtual void Validate()
    {
        if (!(lr >= 0)) throw Invalid("learning rate", lr);
        if (!(weight_decay >= 0)) throw Invalid("weight_decay value", weight_decay);
    }

    /// <summary>The group as PyTorch's <c>param_groups[i]</c> dict (without "params"): names and values as in Python.</summary>
    public abstract Dictionary<string, object> ToDictionary();

    /// <summary>A copy with the values of a PyTorch-shaped group dict (the inverse of <see cref="ToDictionary"/>).</summary>
    public abstract OptimOptions FromDictionary(IReadOnlyDictionary<string, object> group);

    /// <summary>PyTorch's message, e.g. "Invalid learning rate: -1".</summary>
    protected static ArgumentException Invalid(string what, double value) =>
        new($"Invalid {what}: {value.ToString("R", CultureInfo.InvariantCulture)}");

    protected static double Number(IReadOnlyDictionary<string, object> group, string key, double fallback) =>
        group.TryGetValue(key, out var v) ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : fallback;

    protected static bool Flag(IReadOnlyDictionary<string, object> group, string key, bool fallback) =>
        group.TryGetValue(key, out var v) ? Convert.ToBoolean(v, CultureInfo.InvariantCulture) : fallback;
}
