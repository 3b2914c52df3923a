namespace NotebookDL.Architectures;

/// <summary>
/// The course's lesson-7 residual block: two 3x3 convolutions (each conv - ReLU - batch norm, fastai's conv_layer)
/// whose result is added to the block's input, <c>x + conv2(conv1(x))</c>. The identity path lets the gradient reach
/// early layers undiminished, which is why deep stacks of these train where the same stack without it does not.
/// With <c>skip: false</c> it is that plain stack (for the comparison).
/// </summary>
public sealed class ResBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential conv1;
    private readonly Sequential conv2;
    private readonly bool skip;

    /// <param name="channels">Input and output channels.</param>
    /// <param name="skip">Add the input to the output (a residual block) or not (two plain conv layers).</param>
    public ResBlock(long channels, bool skip = true) : base(nameof(ResBlock))
    {
        Check.Positive(channels, nameof(channels));
        (conv1, conv2, this.skip) = (ConvLayer(channels, channels), ConvLayer(channels, channels), skip);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var y = conv2.call(conv1.call(x));
        return (skip ? x + y : y).MoveToOuterDisposeScope();
    }

    /// <summary>fastai's conv_layer: 3x3 convolution (no bias, padded), ReLU, batch norm.</summary>
    public static Sequential ConvLayer(long inChannels, long outChannels, long stride = 1) =>
        nn.Sequential(nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false), nn.ReLU(), nn.BatchNorm2d(outChannels));
}

public static partial class Models
{
    /// <summary>
    /// The course's lesson-7 ResNet for 28x28 digits, from scratch: four stages, each a stride-2 conv layer then
    /// <paramref name="blocksPerStage"/> <see cref="ResBlock"/>s (8, 16, 32, 16 channels: 28 → 14 → 7 → 4 → 2 pixels), a
    /// last stride-2 conv layer to <paramref name="numClasses"/> channels at 1x1, flattened. With <c>skip: false</c> the
    /// same layers without the identity paths.
    /// </summary>
    public static Sequential ResNetFromScratch(long inChannels = 1, long numClasses = 10, int blocksPerStage = 1, bool skip = true)
    {
        Check.Positive(inChannels, nameof(inChannels));
        Check.Positive(numClasses, nameof(numClasses));
        if (blocksPerStage < 0) throw new ArgumentOutOfRangeException(nameof(blocksPerStage), blocksPerStage, "Blocks per stage is 0 or more.");
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var channels = inChannels;
        foreach (var width in new long[] { 8, 16, 32, 16 })
        {
            layers.Add(ResBlock.ConvLayer(channels, width, stride: 2));
            for (var b = 0; b < blocksPerStage; b++) layers.Add(new ResBlock(width, skip));
            channels = width;
        }
        layers.Add(ResBlock.ConvLayer(channels, numClasses, stride: 2));
        layers.Add(nn.Flatten());
        return nn.Sequential(layers);
    }
}
