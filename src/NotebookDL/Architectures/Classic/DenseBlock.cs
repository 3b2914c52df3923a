namespace NotebookDL.Architectures;

/// <summary>
/// DenseNet's dense block (Huang et al. 2017): each layer (batch norm - ReLU - 3x3 conv to <c>growth</c> channels)
/// reads the concatenation of the block's input and every earlier layer's output, and the block returns all of them
/// concatenated: <c>inChannels + layers · growth</c> channels, same height and width. Features are reused instead
/// of recomputed, so the layers can be narrow.
/// </summary>
public sealed class DenseBlock : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> layers;

    public DenseBlock(long inChannels, long growth, int layers) : base(nameof(DenseBlock))
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(growth, nameof(growth));
        Check.Positive(layers, nameof(layers));
        this.layers = nn.ModuleList(Enumerable.Range(0, layers).Select(i =>
        {
            var c = inChannels + i * growth;
            return nn.Sequential(nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, growth, 3, padding: 1, bias: false));
        }).ToArray());
        OutChannels = inChannels + layers * growth;
        RegisterComponents();
    }

    /// <summary>Channels of the output.</summary>
    public long OutChannels { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var features = x;
        foreach (var layer in layers) features = torch.cat([features, layer.call(features)], 1);
        return features.MoveToOuterDisposeScope();
    }

    /// <summary>DenseNet's transition between blocks: batch norm - ReLU - 1x1 conv - 2x2 average pool.</summary>
    public static Sequential Transition(long inChannels, long outChannels) =>
        nn.Sequential(nn.BatchNorm2d(inChannels), nn.ReLU(), nn.Conv2d(inChannels, outChannels, 1, bias: false), nn.AvgPool2d(2));
}

public static partial class Models
{
    /// <summary>
    /// A DenseNet-style net for 28x28 images: a 3x3 stem (16), three dense blocks of 4 layers (growth 12) with
    /// halving transitions between them (28 → 14 → 7), batch norm - ReLU, global average pooling, one linear layer.
    /// </summary>
    public static Sequential DenseNetSmall(long inChannels = 1, long numClasses = 10)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        var a = new DenseBlock(16, 12, 4);
        var b = new DenseBlock(a.OutChannels / 2, 12, 4);
        var c = new DenseBlock(b.OutChannels / 2, 12, 4);
        return nn.Sequential(
            nn.Conv2d(inChannels, 16, 3, padding: 1, bias: false),
            a, DenseBlock.Transition(a.OutChannels, a.OutChannels / 2),
            b, DenseBlock.Transition(b.OutChannels, b.OutChannels / 2),
            c, nn.BatchNorm2d(c.OutChannels), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
            nn.Linear(c.OutChannels, numClasses));
    }
}
