namespace NotebookDL.Architectures;

/// <summary>Which residual block a <see cref="ResNetModel"/> stacks.</summary>
public enum ResNetBlockKind
{
    /// <summary><see cref="BasicBlock"/>: two 3x3 convolutions (ResNet-18, -34).</summary>
    Basic,

    /// <summary><see cref="Bottleneck"/>: 1x1, 3x3, 1x1 convolutions, 4x wider output (ResNet-50 and deeper).</summary>
    Bottleneck,
}
