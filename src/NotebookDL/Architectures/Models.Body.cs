using System.Text.RegularExpressions;

namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// fastai's <c>create_body</c>: the feature extractor of <paramref name="model"/>, a <see cref="Sequential"/> of its
    /// first <paramref name="cut"/> children renamed "0", "1", ... (for a ResNet: conv1, bn1, relu, maxpool,
    /// layer1..layer4, i.e. everything before avgpool and fc). (N, nIn, H, W) → (N, C, H/32, W/32).
    /// The modules are shared with <paramref name="model"/>, not copied.
    /// </summary>
    /// <param name="model">A CNN whose children run in order (e.g. <see cref="ResNet18()"/>), with 3 input channels.</param>
    /// <param name="nIn">Input channels. Other than 3, the first convolution is replaced (fastai's <c>_update_first_layer</c>).</param>
    /// <param name="pretrained">The model's weights are pretrained: the replaced first convolution derives its weights from
    /// the RGB ones (summed for 1 channel) instead of starting from PyTorch's default initialisation.</param>
    /// <param name="cut">How many children to keep (negative counts from the end, as a Python slice). Null: up to the
    /// last child that contains a pooling layer, excluded (fastai's rule; -2 for a ResNet).</param>
    public static Sequential CreateBody(nn.Module<Tensor, Tensor> model, long nIn = 3, bool pretrained = false, int? cut = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        UpdateFirstLayer(model, Check.Positive(nIn, nameof(nIn)), pretrained);
        var children = model.named_children().ToList();
        var keep = cut switch
        {
            null => LastPoolingChild(children),
            < 0 => children.Count + cut.Value,
            _ => cut.Value,
        };
        if (keep < 1 || keep > children.Count)
            throw new ArgumentOutOfRangeException(nameof(cut), cut, $"cut keeps {keep} of the {children.Count} children of {model.GetType().Name}.");
        var kept = children.Take(keep).Select(c => c.module as nn.Module<Tensor, Tensor>
            ?? throw new ArgumentException($"Child '{c.name}' ({c.module.GetType().Name}) is not a Tensor → Tensor module, so it cannot go in a Sequential body.", nameof(model)));
        return nn.Sequential(kept.ToArray());
    }

    private static (long, long) Pair(long[] v) => (v[0], v[^1]);

    private static int LastPoolingChild(List<(string name, nn.Module module)> children)
    {
        for (var i = children.Count - 1; i >= 0; i--)
            if (HasPool(children[i].module)) return i;
        throw new ArgumentException("No child of the model contains a pooling layer; pass cut explicitly.", nameof(children));
    }

    // fastai's has_pool_type: a class named ...Pool1d/2d/3d, here or below.
    private static bool HasPool(nn.Module m) => m.PreOrder().Any(x => Regex.IsMatch(x.module.GetType().Name, "Pool[123]d$"));

    /// <summary>
    /// fastai's <c>_update_first_layer</c>: replaces the convolution that owns the model's first parameter with one
    /// taking <paramref name="nIn"/> channels, same other settings.
    /// </summary>
    private static void UpdateFirstLayer(nn.Module model, long nIn, bool pretrained)
    {
        if (nIn == 3) return;
        var (firstName, _) = model.named_parameters().FirstOrDefault();
        if (firstName is null) throw new ArgumentException($"{model.GetType().Name} has no parameters, so its first layer cannot be adapted to {nIn} channels.", nameof(model));
        var path = firstName.Split('.')[..^1];
        nn.Module parent = model, layer = model;
        foreach (var name in path)
        {
            parent = layer;
            layer = layer.named_children().First(c => c.name == name).module;
        }
        if (layer is not Conv2d old)
            throw new ArgumentException($"Changing the input channels is only supported when the first layer is a Conv2d, found {layer.GetType().Name} ('{string.Join('.', path)}').", nameof(model));
        if (old.in_channels != 3)
            throw new ArgumentException($"Expected a first layer with 3 input channels, found {old.in_channels}.", nameof(model));
        var replacement = nn.Conv2d(nIn, old.out_channels, Pair(old.kernel_size), Pair(old.stride), Pair(old.padding ?? [0, 0]), Pair(old.dilation),
            old.padding_mode, old.groups, old.bias is not null);
        if (pretrained)
        {
            using var _ = no_grad();
            using var adapted = PretrainedWeights.AdaptFirstConv(old.weight, nIn);
            replacement.weight.copy_(adapted);
            // fastai swaps only the weight: a bias (rare before batch norm) keeps its pretrained values.
            if (old.bias is { } b) replacement.bias!.copy_(b);
        }
        ModuleSurgery.SetChild(parent, path[^1], old, replacement);
        old.Dispose();
    }
}
