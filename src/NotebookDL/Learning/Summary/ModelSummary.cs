using NotebookDL.Architectures;

namespace NotebookDL.Learning;

/// <summary>
/// A model's layer table from one forward pass: what <see cref="Learner.Summary"/> shows, for any module and input.
/// </summary>
public static class ModelSummary
{
    /// <summary>
    /// The summary of <paramref name="model"/> on a zero input of <paramref name="inputShape"/> (batch first), e.g.
    /// <c>ModelSummary.Of(Models.LeNet5(), 1, 1, 28, 28)</c>.
    /// </summary>
    public static LearnerSummary Of(nn.Module model, params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape.Any(d => d <= 0))
            throw new ArgumentException($"The input shape needs a batch dimension and positive sizes, got [{string.Join(", ", inputShape)}].", nameof(inputShape));
        var dtype = model.parameters().FirstOrDefault()?.dtype ?? ScalarType.Float32;
        using var x = torch.zeros(inputShape, dtype: dtype);
        return Of(model, x);
    }

    /// <summary>
    /// The summary of <paramref name="model"/> on the batch <paramref name="x"/> (eval mode, no gradients), with
    /// <paramref name="optimizer"/> in the footer when given (the Learner's).
    /// </summary>
    public static LearnerSummary Of(nn.Module model, Tensor x, string? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        if (model is not nn.Module<Tensor, Tensor> layer)
            throw new ArgumentException($"A summary runs Tensor → Tensor models; {model.GetType().Name} is not one.", nameof(model));
        var leaves = model.PreOrder().Where(m => !m.module.children().Any()).ToList();
        var shapes = new Dictionary<nn.Module, long[]>(ReferenceEqualityComparer.Instance);
        var hooks = leaves.Select(l => new ForwardHook(l.module, (m, output) => shapes[m] = output.shape)).ToList();
        var wasTraining = model.training;
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            model.eval();
            layer.call(x);
        }
        finally
        {
            hooks.ForEach(h => h.Dispose());
            model.train(wasTraining);
        }
        var batch = x.ndim > 0 ? x.shape[0] : 1;
        var layers = leaves.Select(l =>
        {
            var ps = l.module.parameters(recurse: false).ToList();
            var shape = shapes.GetValueOrDefault(l.module, Array.Empty<long>());
            return new LayerSummary(string.IsNullOrEmpty(l.name) ? "-" : l.name, l.module.GetType().Name, shape, ps.Sum(p => p.numel()),
                ps.Count > 0 && ps.All(p => p.requires_grad), MultAdds(l.module, shape, batch));
        }).ToList();
        var all = model.parameters().ToList();
        return new LearnerSummary(model.GetType().Name, layers, all.Sum(p => p.numel()), all.Where(p => p.requires_grad).Sum(p => p.numel()), optimizer);
    }

    /// <summary>
    /// Multiply-adds per input item of a layer that produced <paramref name="output"/> for a batch of <paramref name="batch"/>:
    /// a convolution does (in / groups) · kh · kw of them per output value, a linear layer (tied decoders too) in_features
    /// per output value, a recurrent layer (LSTM, GRU, RNN) multiplies each time step by each of its weight matrices once;
    /// other layers (embedding lookups, transposed convolutions) count 0.
    /// </summary>
    internal static long MultAdds(nn.Module module, long[] output, long batch)
    {
        if (output.Length == 0) return 0;
        var perItem = output.Aggregate(1L, (a, d) => a * d) / Math.Max(batch, 1);
        return module switch
        {
            Convolution { transposed: false } c => perItem * (c.in_channels / c.groups) * c.kernel_size.Aggregate(1L, (a, k) => a * k),
            Linear l => perItem * l.in_features,
            TiedDecoder d => perItem * d.InFeatures,
            _ when ForwardHook.IsRecurrent(module) => perItem / output[^1] * module.named_parameters()
                .Where(p => p.name.StartsWith("weight_", StringComparison.Ordinal) && p.parameter.ndim == 2).Sum(p => p.parameter.numel()),
            _ => 0,
        };
    }
}
