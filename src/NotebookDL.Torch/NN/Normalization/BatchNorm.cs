namespace NotebookDL.Torch.Modules;

/// <summary>
/// Shared state and forward of <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> (they differ only in the
/// accepted input rank). Parameters weight (ones) and bias (zeros) when affine; buffers running_mean (zeros),
/// running_var (ones) and num_batches_tracked (int64 0) when track_running_stats. Training mode normalises with the
/// batch statistics and updates the running ones (momentum 0.1; momentum null means a cumulative average);
/// eval mode normalises with the running statistics.
/// </summary>
public abstract class BatchNorm : Module<Tensor, Tensor>
{
    protected BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
    {
        this.num_features = Positive(num_features, nameof(num_features));
        if (eps <= 0) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be positive.");
        (this.eps, this.momentum, this.affine, this.track_running_stats) = (eps, momentum, affine, track_running_stats);
        register_parameter("weight", affine ? NewParameter([num_features], dtype, device) : null);
        register_parameter("bias", affine ? NewParameter([num_features], dtype, device) : null);
        register_buffer("running_mean", track_running_stats ? torch.zeros([num_features], dtype, device) : null);
        register_buffer("running_var", track_running_stats ? torch.ones([num_features], dtype, device) : null);
        register_buffer("num_batches_tracked", track_running_stats ? torch.tensor(0L, device: device) : null);
        reset_parameters();
    }

    public long num_features { get; }
    public double eps { get; }
    public double? momentum { get; }
    public bool affine { get; }
    public bool track_running_stats { get; }

    public Tensor? weight { get => GetParameter("weight"); set => register_parameter("weight", value); }
    public Tensor? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }
    public Tensor? running_mean => GetBuffer("running_mean");
    public Tensor? running_var => GetBuffer("running_var");
    public Tensor? num_batches_tracked => GetBuffer("num_batches_tracked");

    /// <summary>Resets running_mean to 0, running_var to 1 and the batch counter to 0.</summary>
    public void reset_running_stats()
    {
        using var _ = torch.no_grad();
        running_mean?.zero_();
        running_var?.fill_(1);
        num_batches_tracked?.zero_();
    }

    public void reset_parameters()
    {
        reset_running_stats();
        if (weight is { } w) torch.nn.init.ones_(w);
        if (bias is { } b) torch.nn.init.zeros_(b);
    }

    /// <summary>Throws when <paramref name="input"/> has a rank this layer does not accept.</summary>
    protected abstract void CheckInputDim(Tensor input);

    public override Tensor forward(Tensor input)
    {
        CheckInputDim(input);
        var factor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is { } count)
        {
            using (torch.no_grad()) count.add_(1);
            if (momentum is null) factor = 1.0 / count.item<long>();
        }
        // Without running statistics the batch statistics are used even in eval mode, as in PyTorch.
        var useBatchStats = training || (running_mean is null && running_var is null);
        var keepStats = !training || track_running_stats;
        return torch.nn.functional.batch_norm(input, keepStats ? running_mean : null, keepStats ? running_var : null,
            weight, bias, useBatchStats, factor, eps);
    }

    public override string extra_repr() =>
        $"{num_features}, eps={eps}, momentum={(momentum is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")}, affine={Py(affine)}, track_running_stats={Py(track_running_stats)}";
}
