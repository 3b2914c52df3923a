using TorchSharp.Utils;

namespace NotebookDL.Architectures;

/// <summary>
/// torchvision's ResNet with its exact module tree, so torchvision state dicts load unchanged: conv1 (7x7, stride 2),
/// bn1, relu, maxpool (3x3, stride 2), layer1..layer4 (<see cref="Sequential"/>s of blocks, strides 1, 2, 2, 2),
/// avgpool (adaptive, 1x1), fc. (N, inChannels, H, W) → (N, numClasses) logits, for any H, W ≥ 1 thanks to the
/// adaptive pooling (28x28 inputs reach layer4 as 1x1).
/// Initialised as torchvision: convolutions kaiming_normal_(fan_out, relu), batch norm weight 1 and bias 0, fc with
/// PyTorch's Linear default.
/// </summary>
public sealed class ResNetModel : nn.Module<Tensor, Tensor>
{
    private long _inplanes = 64;

    // Declaration order is torchvision's attribute order, which fixes the state-dict key order.
    [ComponentName(Name = "conv1")] private Conv2d _conv1;
    public readonly BatchNorm2d bn1;
    public readonly ReLU relu;
    public readonly MaxPool2d maxpool;
    public readonly Sequential layer1;
    public readonly Sequential layer2;
    public readonly Sequential layer3;
    public readonly Sequential layer4;
    public readonly AdaptiveAvgPool2d avgpool;
    [ComponentName(Name = "fc")] private Linear _fc;

    /// <param name="block">The residual block to stack.</param>
    /// <param name="layers">Blocks per stage, e.g. [2, 2, 2, 2] for ResNet-18.</param>
    /// <param name="numClasses">Outputs of fc.</param>
    /// <param name="inChannels">Input channels of conv1 (3 for RGB, 1 for grayscale).</param>
    public ResNetModel(ResNetBlockKind block, IReadOnlyList<int> layers, long numClasses = 1000, long inChannels = 3) : base(nameof(ResNetModel))
    {
        if (layers.Count != 4) throw new ArgumentException($"A ResNet has 4 stages, got {layers.Count} block counts: [{string.Join(", ", layers)}].", nameof(layers));
        Check.Positive(numClasses, nameof(numClasses));
        Check.Positive(inChannels, nameof(inChannels));
        Block = block;
        Layers = layers.ToArray();
        _conv1 = nn.Conv2d(inChannels, 64, kernel_size: 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        relu = nn.ReLU();
        maxpool = nn.MaxPool2d(kernel_size: 3, stride: 2, padding: 1);
        layer1 = MakeLayer(64, layers[0], 1);
        layer2 = MakeLayer(128, layers[1], 2);
        layer3 = MakeLayer(256, layers[2], 2);
        layer4 = MakeLayer(512, layers[3], 2);
        avgpool = nn.AdaptiveAvgPool2d(1);
        _fc = nn.Linear(512 * Expansion, numClasses);
        RegisterComponents();
        InitWeights();
    }

    public ResNetBlockKind Block { get; }

    /// <summary>Blocks per stage.</summary>
    public IReadOnlyList<int> Layers { get; }

    /// <summary>Channels out of each block per <c>planes</c>: 1 (basic) or 4 (bottleneck); layer4 gives 512·Expansion features.</summary>
    public int Expansion => Block == ResNetBlockKind.Basic ? BasicBlock.Expansion : Bottleneck.Expansion;

    /// <summary>The stem convolution; set it to change the input channels (fastai's <c>_update_first_layer</c> does).</summary>
    public Conv2d conv1 { get => _conv1; set => ModuleSurgery.SetChild(this, "conv1", _conv1, value); }

    /// <summary>The classifier (512·Expansion → numClasses); replace it to change the number of classes.</summary>
    public Linear fc { get => _fc; set => ModuleSurgery.SetChild(this, "fc", _fc, value); }

    /// <summary>Input channels expected by conv1.</summary>
    public long InChannels => conv1.in_channels;

    /// <summary>Number of outputs of fc.</summary>
    public long NumClasses => fc.out_features;

    // torchvision's _make_layer: only the first block of a stage changes stride/width, so only it gets a downsample.
    private Sequential MakeLayer(long planes, int blocks, long stride)
    {
        if (blocks < 1) throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "Every ResNet stage needs at least one block.");
        var outPlanes = planes * Expansion;
        Sequential? downsample = stride != 1 || _inplanes != outPlanes
            ? nn.Sequential(ResNetLayers.Conv1x1(_inplanes, outPlanes, stride), nn.BatchNorm2d(outPlanes))
            : null;
        var layer = nn.Sequential(NewBlock(_inplanes, planes, stride, downsample));
        _inplanes = outPlanes;
        for (var i = 1; i < blocks; i++) layer.append(NewBlock(_inplanes, planes, 1, null));
        return layer;
    }

    private nn.Module<Tensor, Tensor> NewBlock(long inplanes, long planes, long stride, Sequential? downsample) => Block switch
    {
        ResNetBlockKind.Basic => new BasicBlock(inplanes, planes, stride, downsample),
        _ => new Bottleneck(inplanes, planes, stride, downsample),
    };

    private void InitWeights()
    {
        foreach (var m in modules())
        {
            switch (m)
            {
                case Convolution conv:
                    // fan_out keeps the backward signal's variance, which is what matters for deep residual stacks.
                    nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                    break;
                case BatchNorm2d bn:
                    nn.init.ones_(bn.weight!);
                    nn.init.zeros_(bn.bias!);
                    break;
            }
        }
    }

    public override Tensor forward(Tensor x)
    {
        // Each stage goes through call() so that forward hooks (activation stats, Grad-CAM on layer4) fire.
        x = maxpool.call(relu.call(bn1.call(conv1.call(x))));
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        var pooled = avgpool.call(x);
        // The flattened view is no module's output, so nothing else can hold it: free it now.
        using var flat = pooled.flatten(1);
        return fc.call(flat);
    }
}
