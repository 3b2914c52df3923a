using NotebookDL.Torch;
using NotebookDL.Torch.Modules;
using static NotebookDL.Torch.torch;

namespace NotebookDL.Models;

/// <summary>
/// fastai's AdaptiveConcatPool2d: adaptive max pooling and adaptive average pooling concatenated on the channels,
/// max first as in fastai (so fastai weights line up). (N, C, H, W) → (N, 2C, size, size). Giving the head both the
/// strongest and the average activation of each feature map works better than either alone.
/// Submodules <c>ap</c> and <c>mp</c> (no parameters).
/// </summary>
public sealed class AdaptiveConcatPool2d : Module<Tensor, Tensor>
{
    public AdaptiveConcatPool2d(long size = 1)
    {
        Size = Positive(size, nameof(size));
        register_module("ap", nn.AdaptiveAvgPool2d(size));
        register_module("mp", nn.AdaptiveMaxPool2d(size));
    }

    /// <summary>Output height and width.</summary>
    public long Size { get; }

    public AdaptiveAvgPool2d ap => (AdaptiveAvgPool2d)GetModule("ap")!;
    public AdaptiveMaxPool2d mp => (AdaptiveMaxPool2d)GetModule("mp")!;

    public override Tensor forward(Tensor x) => cat([mp.call(x), ap.call(x)], 1);

    public override string extra_repr() => $"size={Size}";
}
