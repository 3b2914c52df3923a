
namespace NotebookDL.Architectures;

/// <summary>Loading torchvision-format weights into our models, with fastai's adaptation of the first convolution.</summary>
internal static class PretrainedWeights
{
    /// <summary>
    /// fastai's <c>_load_pretrained_weights</c>: turns an RGB first-layer weight (out, 3, kH, kW) into one for
    /// <paramref name="inChannels"/> inputs. 1 channel: the sum over RGB (a gray image then gives the response an RGB
    /// image of the same intensity would); 2: the first two channels × 1.5; more than 3: RGB kept, extra channels zero.
    /// Returns a new tensor.
    /// </summary>
    public static Tensor AdaptFirstConv(Tensor rgbWeight, long inChannels)
    {
        using var _ = no_grad();
        var have = rgbWeight.shape[1];
        if (have != 3) throw new ArgumentException($"Expected a pretrained first-layer weight with 3 input channels, got shape [{string.Join(", ", rgbWeight.shape)}].", nameof(rgbWeight));
        switch (inChannels)
        {
            case 3: return rgbWeight.clone();
            case 1: return rgbWeight.sum(1, keepdim: true);
            case 2:
                using (var firstTwo = rgbWeight.narrow(1, 0, 2)) return firstTwo.mul(1.5);
            default:
                var shape = rgbWeight.shape;
                shape[1] = inChannels;
                var result = zeros(shape, rgbWeight.dtype);
                using (var rgb = result.narrow(1, 0, 3)) rgb.copy_(rgbWeight);
                return result;
        }
    }

    /// <summary>
    /// Loads a torchvision ResNet state dict (<c>torch.save(model.state_dict(), path)</c>) into <paramref name="model"/>.
    /// Every key must match (strict), with two deliberate exceptions: conv1.weight is adapted when the model's input
    /// channels are not 3 (<see cref="AdaptFirstConv"/>), and fc keeps its fresh initialisation when the model has
    /// another number of classes than the file (fine-tuning replaces the classifier anyway).
    /// </summary>
    public static void LoadResNet(ResNetModel model, string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Pretrained weights '{path}' not found. Download torchvision's file (e.g. resnet18-f37072fd.pth) once and pass its local path.", path);
        var loaded = PyTorchFiles.Load(path);
        var owned = new List<Tensor>();
        try
        {
            var state = new Dictionary<string, Tensor>(loaded);
            if (state.TryGetValue("conv1.weight", out var stem) && stem.shape[1] != model.InChannels)
            {
                var adapted = AdaptFirstConv(stem, model.InChannels);
                owned.Add(adapted);
                state["conv1.weight"] = adapted;
            }
            if (state.TryGetValue("fc.weight", out var fcWeight) && fcWeight.shape[0] != model.NumClasses)
            {
                // The model's own values are copied onto themselves by load_state_dict: fc stays as initialised.
                foreach (var (name, t) in model.fc.named_parameters())
                {
                    var alias = t.detach();
                    owned.Add(alias);
                    state["fc." + name] = alias;
                }
            }
            StateDicts.Load(model, state);
        }
        finally
        {
            foreach (var t in loaded.Values.Concat(owned)) t.Dispose();
        }
    }
}
