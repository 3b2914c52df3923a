namespace NotebookDL.Inspect;

/// <summary>
/// Class activation maps (the course's lesson 6): which part of the picture a CNN used. Both work on a batch of one
/// image and a layer whose output is still a map (batch, channels, height, width) — by default the last such layer
/// (<see cref="LastMapLayer"/>).
/// <list type="bullet">
/// <item><see cref="AverageActivation"/>: the layer's activations averaged over channels (the course's first heatmap).</item>
/// <item><see cref="Compute"/>: Grad-CAM (Selvaraju et al. 2017) — each channel weighted by the spatial mean of the
/// gradient of the class score with respect to it, averaged over channels, ReLU.</item>
/// </list>
/// Maps come at the layer's resolution; <see cref="Upsample"/> brings them to the image's (bilinear).
/// </summary>
public static class GradCam
{
    /// <summary>Grad-CAM of class <paramref name="cls"/> for the one image <paramref name="x"/> (1, C, H, W): a (h, w) map, ≥ 0.</summary>
    /// <param name="model">Any Tensor → Tensor model with class scores (1, classes) as output.</param>
    /// <param name="x">One image as the model takes it (normalised), with or without the batch dimension.</param>
    /// <param name="cls">Class index whose score is explained.</param>
    /// <param name="layer">A layer of <paramref name="model"/> with a (1, C, h, w) output; the last such layer when null.</param>
    public static Tensor Compute(nn.Module<Tensor, Tensor> model, Tensor x, int cls, nn.IModule<Tensor, Tensor>? layer = null) =>
        InEvalMode(model, x, layer, (input, chosen) =>
        {
            using var grad = torch.enable_grad();
            using var hook = new Hook(chosen, detach: false);
            var scores = model.call(input);
            var acts = MapOf(hook, chosen);
            if (scores.ndim != 2 || cls < 0 || cls >= scores.shape[1])
                throw new ArgumentOutOfRangeException(nameof(cls), cls, $"The model's output has shape [{string.Join(", ", scores.shape)}]; Grad-CAM needs (1, classes) scores and a class in range.");
            if (!acts.requires_grad)
                throw new InvalidOperationException("The layer's output does not require a gradient (all parameters before it frozen and the input constant?); Grad-CAM needs one.");
            var gradient = torch.autograd.grad([scores[0, cls]], [acts])[0];
            var weights = gradient[0].mean([1, 2], keepdim: true);
            return (acts[0].detach() * weights).mean([0]).relu();
        });

    /// <summary>The course's simpler heatmap: <paramref name="layer"/>'s activations on <paramref name="x"/> averaged over channels, (h, w).</summary>
    public static Tensor AverageActivation(nn.Module<Tensor, Tensor> model, Tensor x, nn.IModule<Tensor, Tensor>? layer = null) =>
        InEvalMode(model, x, layer, (input, chosen) =>
        {
            using var noGrad = torch.no_grad();
            using var hook = new Hook(chosen);
            model.call(input);
            return MapOf(hook, chosen)[0].mean([0]);
        });

    // Both maps: one image, the layer checked (or found), eval mode for the pass and the model's mode restored after;
    // everything but the map is freed.
    private static Tensor InEvalMode(nn.Module<Tensor, Tensor> model, Tensor x, nn.IModule<Tensor, Tensor>? layer, Func<Tensor, nn.IModule<Tensor, Tensor>, Tensor> map)
    {
        ArgumentNullException.ThrowIfNull(model);
        var input = OneImage(x);
        layer ??= LastMapLayer(model, input);
        CheckLayer(model, layer);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = torch.NewDisposeScope();
            return map(input, layer).MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>A (h, w) map resized to (<paramref name="height"/>, <paramref name="width"/>) by bilinear interpolation (PyTorch's, align_corners false).</summary>
    public static Tensor Upsample(Tensor map, long height, long width)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.ndim != 2) throw new ArgumentException($"A heatmap is 2-D (height, width), got shape [{string.Join(", ", map.shape)}].", nameof(map));
        using var batch = map.to(ScalarType.Float32).unsqueeze(0).unsqueeze(0);
        using var resized = nn.functional.interpolate(batch, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return resized[0, 0].clone();
    }

    /// <summary>
    /// The layer whose output is the last (batch, C, h, w) map larger than 1x1 of a forward pass on <paramref name="x"/>:
    /// the end of a CNN's convolutional part (a ResNet's body, a small CNN's last pooling), where Grad-CAM is usually taken.
    /// </summary>
    public static nn.Module<Tensor, Tensor> LastMapLayer(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        nn.Module<Tensor, Tensor>? last = null;
        var candidates = model.modules().Where(m => !ReferenceEquals(m, model)).OfType<nn.Module<Tensor, Tensor>>().ToList();
        using (var hooks = new Hooks(candidates, (m, output) =>
               {
                   // Forward hooks fire when a module finishes, so a container's fires after its children's. A 1x1
                   // output (a head that ends in a convolution) is not a map to draw.
                   if (output.ndim == 4 && output.shape[2] * output.shape[3] > 1) last = (nn.Module<Tensor, Tensor>)m;
                   return output;
               }))
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            var wasTraining = model.training;
            model.eval();
            try { model.call(OneImage(x)); }
            finally { model.train(wasTraining); }
        }
        return last ?? throw new ArgumentException($"{model.GetType().Name} has no layer with a (batch, channels, height, width) output; heatmaps need a convolutional layer.", nameof(model));
    }

    private static Tensor OneImage(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim == 3) return x.unsqueeze(0);
        if (x.ndim == 4 && x.shape[0] == 1) return x;
        throw new ArgumentException($"Heatmaps explain one image: give (channels, height, width) or (1, channels, height, width), got shape [{string.Join(", ", x.shape)}].", nameof(x));
    }

    private static void CheckLayer(nn.Module model, nn.IModule<Tensor, Tensor> layer)
    {
        if (!model.modules().Any(m => ReferenceEquals(m, layer)))
            throw new ArgumentException($"The layer ({layer.GetType().Name}) is not part of the model ({model.GetType().Name}).", nameof(layer));
    }

    private static Tensor MapOf(Hook hook, nn.IModule<Tensor, Tensor> layer)
    {
        var acts = hook.Stored ?? throw new InvalidOperationException($"The layer ({layer.GetType().Name}) did not run in the model's forward pass.");
        if (acts.ndim != 4)
            throw new ArgumentException($"The layer ({layer.GetType().Name}) outputs shape [{string.Join(", ", acts.shape)}], not a (1, channels, height, width) map; pick a convolutional layer.", nameof(layer));
        return acts;
    }
}
