namespace NotebookDL.Optim;

/// <summary>
/// Parameters that share hyper-parameters, as PyTorch's <c>optimizer.param_groups[i]</c>. Discriminative learning
/// rates give each layer group its own <see cref="lr"/>; fastai's schedules set <see cref="lr"/> and
/// <see cref="momentum"/> of every group before each batch.
/// <example><code>
/// var opt = new AdamOptimizer([new ParameterGroup(body.parameters(), lr: 1e-4), new ParameterGroup(head.parameters())],
///                    new AdamOptions { lr = 1e-3 });
/// opt.param_groups[1].lr = 3e-3;
/// </code></example>
/// </summary>
public sealed class ParameterGroup
{
    private OptimOptions? _options;
    private readonly double? _lr;
    private readonly double? _weightDecay;
    private readonly double? _momentum;

    /// <param name="parameters">The tensors this group updates.</param>
    /// <param name="options">All hyper-parameters of this group; by default the optimizer's.</param>
    /// <param name="lr">Overrides the learning rate only.</param>
    /// <param name="weight_decay">Overrides the weight decay only.</param>
    /// <param name="momentum">Overrides momentum (Adam: beta1) only.</param>
    public ParameterGroup(IEnumerable<Tensor> parameters, OptimOptions? options = null,
        double? lr = null, double? weight_decay = null, double? momentum = null)
    {
        @params = parameters.ToArray();
        _options = options;
        _lr = lr;
        _weightDecay = weight_decay;
        _momentum = momentum;
    }

    /// <summary>The tensors of this group, in order.</summary>
    public IReadOnlyList<Tensor> @params { get; }

    /// <summary>The group's hyper-parameters; replacing them validates the new values.</summary>
    public OptimOptions options
    {
        get => _options ?? throw new InvalidOperationException("This parameter group has not been given to an optimizer yet.");
        set
        {
            var current = options;
            if (value.GetType() != current.GetType())
                throw new ArgumentException($"This group holds {current.GetType().Name}, not {value.GetType().Name}.", nameof(value));
            value.Validate();
            _options = value;
        }
    }

    public double lr
    {
        get => options.lr;
        set => options = options with { lr = value };
    }

    public double weight_decay
    {
        get => options.weight_decay;
        set => options = options with { weight_decay = value };
    }

    /// <inheritdoc cref="OptimOptions.momentum"/>
    public double momentum
    {
        get => options.momentum;
        set => options = options with { momentum = value };
    }

    /// <summary>Called once by the optimizer: fills what the caller left unset from its defaults, then validates.</summary>
    internal void Adopt(OptimOptions defaults)
    {
        var chosen = _options ?? defaults;
        if (chosen.GetType() != defaults.GetType())
            throw new ArgumentException($"A parameter group was given {chosen.GetType().Name} but this optimizer takes {defaults.GetType().Name}.");
        if (_lr is { } lr) chosen = chosen with { lr = lr };
        if (_weightDecay is { } wd) chosen = chosen with { weight_decay = wd };
        if (_momentum is { } m) chosen = chosen with { momentum = m };
        chosen.Validate();
        _options = chosen;
    }
}
