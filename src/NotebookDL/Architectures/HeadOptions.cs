namespace NotebookDL.Architectures;

/// <summary>
/// fastai's <c>create_head</c> options, defaults defined here once (fastai v2's values).
/// </summary>
/// <param name="LinFtrs">Hidden layer sizes between the pooled features and the output; null means [512].</param>
/// <param name="Ps">Dropout before the last linear layer; the earlier ones get Ps/2.</param>
/// <param name="Pool">Pool the feature maps first (false when the body already returns vectors).</param>
/// <param name="ConcatPool">Pool with <see cref="AdaptiveConcatPool2d"/> (doubling the features) instead of average pooling.</param>
/// <param name="FirstBn">Batch norm on the pooled features.</param>
/// <param name="BnFinal">A last BatchNorm1d (momentum 0.01) on the outputs.</param>
/// <param name="LinFirst">Each block is Linear, ReLU, BatchNorm, Dropout instead of BatchNorm, Dropout, Linear, ReLU.</param>
public sealed record HeadOptions(
    IReadOnlyList<long>? LinFtrs = null,
    double Ps = 0.5,
    bool Pool = true,
    bool ConcatPool = true,
    bool FirstBn = true,
    bool BnFinal = false,
    bool LinFirst = false)
{
    /// <summary>fastai's defaults.</summary>
    public static HeadOptions Default { get; } = new();
}
