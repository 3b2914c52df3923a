namespace NotebookDL.Architectures;

/// <summary>
/// GoogLeNet's inception block (Szegedy et al. 2014): four branches read the same input and their outputs are
/// concatenated along the channels — a 1x1 convolution; 1x1 then 3x3; 1x1 then 5x5; and a 3x3 max pool then 1x1 —
/// so the next layer sees features at several kernel sizes, the 1x1 convolutions keeping the costly ones narrow. Each
/// convolution is conv - batch norm - ReLU. Output channels: <c>c1 + c3 + c5 + pool</c>, same height and width.
/// </summary>
public sealed class InceptionBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential branch1;
    private readonly Sequential branch3;
    private readonly Sequential branch5;
    private readonly Sequential branchPool;

    /// <param name="inChannels">Input channels.</param>
    /// <param name="c1">Channels of the 1x1 branch.</param>
    /// <param name="c3">(1x1 reduction, 3x3 output) channels.</param>
    /// <param name="c5">(1x1 reduction, 5x5 output) channels.</param>
    /// <param name="pool">Channels of the pool branch's 1x1 convolution.</param>
    public InceptionBlock(long inChannels, long c1, (long Reduce, long Out) c3, (long Reduce, long Out) c5, long pool) : base(nameof(InceptionBlock))
    {
        foreach (var (value, name) in new[] { (inChannels, nameof(inChannels)), (c1, nameof(c1)), (c3.Reduce, nameof(c3)), (c3.Out, nameof(c3)), (c5.Reduce, nameof(c5)), (c5.Out, nameof(c5)), (pool, nameof(pool)) })
            Check.Positive(value, name);
        branch1 = ConvBnRelu(inChannels, c1, 1);
        branch3 = nn.Sequential(ConvBnRelu(inChannels, c3.Reduce, 1), ConvBnRelu(c3.Reduce, c3.Out, 3));
        branch5 = nn.Sequential(ConvBnRelu(inChannels, c5.Reduce, 1), ConvBnRelu(c5.Reduce, c5.Out, 5));
        branchPool = nn.Sequential(nn.MaxPool2d(3, stride: 1, padding: 1), ConvBnRelu(inChannels, pool, 1));
        OutChannels = c1 + c3.Out + c5.Out + pool;
        RegisterComponents();
    }

    /// <summary>Channels of the concatenated output.</summary>
    public long OutChannels { get; }

    public override Tensor forward(Tensor x) =>
        torch.cat([branch1.call(x), branch3.call(x), branch5.call(x), branchPool.call(x)], 1);

    /// <summary>Conv (padded to keep the size, no bias) - batch norm - ReLU.</summary>
    internal static Sequential ConvBnRelu(long inChannels, long outChannels, long kernel, long stride = 1) =>
        nn.Sequential(nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: kernel / 2, bias: false), nn.BatchNorm2d(outChannels), nn.ReLU());
}

public static partial class Models
{
    /// <summary>
    /// A GoogLeNet-style net for 28x28 images: a 3x3 stem (32), max pool, two inception blocks (64 and 112 channels),
    /// max pool, a third (144), global average pooling and one linear layer — no wide fully connected layers, as GoogLeNet.
    /// </summary>
    public static Sequential GoogLeNetSmall(long inChannels = 1, long numClasses = 10)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        var a = new InceptionBlock(32, 16, (24, 32), (4, 8), 8);
        var b = new InceptionBlock(a.OutChannels, 32, (32, 48), (8, 16), 16);
        var c = new InceptionBlock(b.OutChannels, 48, (48, 64), (8, 16), 16);
        return nn.Sequential(
            InceptionBlock.ConvBnRelu(inChannels, 32, 3), nn.MaxPool2d(2),
            a, b, nn.MaxPool2d(2),
            c, nn.AdaptiveAvgPool2d(1), nn.Flatten(),
            nn.Linear(c.OutChannels, numClasses));
    }
}
