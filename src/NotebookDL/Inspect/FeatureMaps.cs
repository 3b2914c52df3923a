using NotebookDL.Display;
using NotebookDL.Vision;

namespace NotebookDL.Inspect;

/// <summary>What a convolutional layer has learned and what it sees: its kernels, and its output channels on one image.</summary>
public static class FeatureMaps
{
    /// <summary>
    /// The kernels of a convolution as a grid of images (gray; colour when they read 3 input channels), all on one
    /// scale from the most negative weight (black) to the most positive (white), so they can be compared.
    /// </summary>
    /// <param name="conv">A 2-D convolution (its weight is (out, in, kh, kw)).</param>
    /// <param name="max">At most this many kernels, from the first.</param>
    public static MimeBundle ShowKernels(nn.IModule<Tensor, Tensor> conv, int max = 64)
    {
        ArgumentNullException.ThrowIfNull(conv);
        if (conv is not Convolution { weight: { } weight } || weight.ndim != 4)
            throw new ArgumentException($"ShowKernels needs a 2-D convolution; {conv.GetType().Name} is not one.", nameof(conv));
        using var scope = torch.NewDisposeScope();
        var w = weight.detach().cpu().to(ScalarType.Float32);
        var count = (int)Math.Min(w.shape[0], max);
        // A kernel reading RGB shows in colour; otherwise each kernel's first input channel, in gray.
        var kernels = w.shape[1] == 3 ? w[..count] : w[..count, ..1];
        var (low, high) = (kernels.min().item<float>(), kernels.max().item<float>());
        var scaled = (kernels - low) / Math.Max(high - low, 1e-12f);
        var items = Enumerable.Range(0, count).Select(i => (Image.FromTensor(scaled[i]), $"kernel {i}")).ToList();
        return CaptionedGrid.ToBundle(items, Math.Min(count, 8), $"{count} kernels {w.shape[2]}x{w.shape[3]}, weights {low:G3} (black) to {high:G3} (white)",
            $"Kernels of {conv.GetType().Name} ({w.shape[0]} x {w.shape[1]} x {w.shape[2]} x {w.shape[3]}), black {low:G3} to white {high:G3}");
    }

    /// <summary>
    /// The output channels of <paramref name="layer"/> when <paramref name="model"/> runs on one image, each scaled
    /// to its own range (black = its lowest activation, white = its highest).
    /// </summary>
    public static MimeBundle ShowFeatureMaps(nn.Module<Tensor, Tensor> model, nn.IModule<Tensor, Tensor> layer, Tensor x, int max = 16)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layer);
        var maps = ActivationsOf(model, layer, x);
        using var scope = torch.NewDisposeScope();
        var count = (int)Math.Min(maps.shape[0], max);
        var items = new List<(Image, string)>();
        for (var c = 0; c < count; c++)
        {
            var channel = maps[c];
            var (low, high) = (channel.min().item<float>(), channel.max().item<float>());
            items.Add((Image.FromTensor((channel - low) / Math.Max(high - low, 1e-12f)), $"channel {c} ({low:G2}..{high:G2})"));
        }
        maps.Dispose();
        return CaptionedGrid.ToBundle(items, Math.Min(count, 8), $"{count} feature maps of {layer.GetType().Name}",
            $"Feature maps of {layer.GetType().Name}: {count} of {items.Count} channels, each from its lowest (black) to highest (white) activation");
    }

    /// <summary>The layer's (channels, h, w) output on one image, in eval mode without gradients.</summary>
    private static Tensor ActivationsOf(nn.Module<Tensor, Tensor> model, nn.IModule<Tensor, Tensor> layer, Tensor x)
    {
        using var hook = new Hook(layer);
        var wasTraining = model.training;
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            model.eval();
            try { model.call(x.ndim == 3 ? x.unsqueeze(0) : x); }
            finally { model.train(wasTraining); }
        }
        var output = hook.Stored ?? throw new ArgumentException($"The layer ({layer.GetType().Name}) did not run in the model's forward pass.", nameof(layer));
        if (output.ndim != 4 || output.shape[0] != 1)
            throw new ArgumentException($"Feature maps are shown for one image and a layer with (1, channels, height, width) output; got [{string.Join(", ", output.shape)}].", nameof(x));
        return output[0].cpu().to(ScalarType.Float32).clone();
    }
}
