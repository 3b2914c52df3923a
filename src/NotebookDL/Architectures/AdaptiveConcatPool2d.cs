namespace NotebookDL.Architectures;

/// <summary>
/// fastai's AdaptiveConcatPool2d: adaptive max pooling and adaptive average pooling concatenated on the channels,
/// max first as in fastai (so fastai weights line up). (N, C, H, W) → (N, 2C, size, size). Giving the head both the
/// strongest and the average activation of each feature map works better than either alone.
/// Submodules <c>ap</c> and <c>mp</c> (no parameters).
/// </summary>
public sealed class AdaptiveConcatPool2d : nn.Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d ap;
    private readonly AdaptiveMaxPool2d mp;

    public AdaptiveConcatPool2d(long size = 1) : base(nameof(AdaptiveConcatPool2d))
    {
        Size = Check.Positive(size, nameof(size));
        ap = nn.AdaptiveAvgPool2d((size, size));
        mp = nn.AdaptiveMaxPool2d([size, size]);
        RegisterComponents();
    }

    /// <summary>Output height and width.</summary>
    public long Size { get; }

    public override Tensor forward(Tensor x) => cat([mp.call(x), ap.call(x)], 1);
}
