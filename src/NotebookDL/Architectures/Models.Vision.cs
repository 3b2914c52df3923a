
namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// fastai's <c>create_vision_model</c>: a <see cref="BodyHeadModel"/> with state-dict keys "0.*" (body) and
    /// "1.*" (head), as fastai saves them. (N, nIn, H, W) → (N, nOut); any H, W (28x28 and 32x32 work: the pooling is adaptive).
    /// </summary>
    /// <param name="arch">Builds the full network with 3 input channels, e.g. <c>Models.ResNet34</c>.</param>
    /// <param name="nOut">Number of outputs (classes).</param>
    /// <param name="pretrained">Local path of a state dict for <paramref name="arch"/>'s model (torchvision's file), or null.</param>
    /// <param name="nIn">Image channels; for 1 channel and pretrained weights the RGB kernels of the first layer are summed.</param>
    /// <param name="cut">Children kept in the body (see <see cref="CreateBody"/>).</param>
    /// <param name="head">create_head options (fastai's defaults when null).</param>
    /// <param name="init">Re-initialise the head as fastai does: kaiming_normal_ weights, zero biases, batch norms untouched.</param>
    public static BodyHeadModel VisionModel(Func<nn.Module<Tensor, Tensor>> arch, long nOut, string? pretrained = null, long nIn = 3,
        int? cut = null, HeadOptions? head = null, bool init = true)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var model = arch();
        if (pretrained is not null) LoadStateDict(model, pretrained);
        var body = CreateBody(model, nIn, pretrained is not null, cut);
        // The children left out of the body (avgpool, fc) belong to nobody now: free their weights.
        foreach (var unused in model.children().Except(body.children(), ReferenceEqualityComparer.Instance).Cast<nn.Module>().ToList()) unused.Dispose();
        var newHead = CreateHead(NumFeatures(body), nOut, head);
        if (init) ApplyInit(newHead);
        return new BodyHeadModel(body, newHead);
    }

    /// <summary>
    /// fastai's <c>apply_init(m, nn.init.kaiming_normal_)</c>: every module below <paramref name="module"/> that has
    /// trainable parameters and is not a batch norm gets kaiming_normal_ (fan_in, gain √2) on its weight and a zero bias.
    /// </summary>
    public static void ApplyInit(nn.Module module)
    {
        foreach (var (_, m) in module.PreOrder())
        {
            if (m is BatchNorm) continue;
            var own = m.named_parameters(recurse: false).ToList();
            if (own.Count == 0 || !own[0].parameter.requires_grad) continue;
            foreach (var (name, p) in own)
            {
                if (name == "weight") nn.init.kaiming_normal_(p);
                else if (name == "bias") nn.init.zeros_(p);
            }
        }
    }

    /// <summary>Channels of <paramref name="body"/>'s output, found as fastai does: by running a 64x64 dummy image through it.</summary>
    public static long NumFeatures(nn.Module<Tensor, Tensor> body)
    {
        var inChannels = body.PreOrder().Select(m => m.module).OfType<Conv2d>().FirstOrDefault()?.in_channels
            ?? throw new ArgumentException("The body has no Conv2d, so its input channels are unknown.", nameof(body));
        var modes = body.PreOrder().Select(m => (m.module, m.module.training)).ToList();
        // Eval mode, so the dummy batch does not move the batch-norm running statistics.
        body.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var output = body.call(zeros(1, inChannels, 64, 64));
            return output.shape[1];
        }
        finally
        {
            foreach (var (m, training) in modes) m.train(training);
        }
    }

    private static void LoadStateDict(nn.Module model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Pretrained weights '{path}' not found.", path);
        var state = PyTorchFiles.Load(path);
        try
        {
            StateDicts.Load(model, state);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }
}
