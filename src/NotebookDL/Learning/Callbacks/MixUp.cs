
namespace NotebookDL.Learning;

/// <summary>
/// MixUp (fastai's <c>MixUp</c>): each training input becomes λx + (1-λ)x' with x' another item of the batch and
/// λ ~ Beta(α, α) folded to ≥ 0.5, and the loss mixes the losses against both targets with the same λ. Validation
/// uses the plain loss. The loss function must support reduction "none" (the built-in ones do).
/// </summary>
public sealed class MixUp(double alpha = 0.4, int? seed = null) : Callback
{
    private readonly BetaSampler _beta = new(alpha, alpha, seed is { } s ? new Random(s) : new Random());
    private LossFunction? _original;
    private Tensor? _lam;
    private Tensor? _yShuffled;

    public double Alpha { get; } = alpha;

    public override void BeforeFit()
    {
        _original = Learn.LossFunc;
        var original = _original;
        Learn.LossFunc = new LossFunction(original.Name, Mixed, original.Activation, original.Decodes);
    }

    public override void AfterFit()
    {
        if (_original is not null) Learn.LossFunc = _original;
        _original = null;
    }

    public override void BeforeBatch()
    {
        (_lam, _yShuffled) = (null, null);
        if (!Learn.Training) return;
        var x = Learn.X!;
        var bs = x.size(0);
        var lambdas = Enumerable.Range(0, (int)bs).Select(_ => { var l = _beta.Next(); return Math.Max(l, 1 - l); }).ToArray();
        // Created in the batch's DisposeScope: they die with the batch.
        _lam = torch.tensor(lambdas, dtype: x.dtype);
        var shuffle = torch.randperm(bs);
        var shape = Enumerable.Repeat(1L, (int)x.ndim).ToArray();
        shape[0] = bs;
        Learn.X = x.index_select(0, shuffle).lerp(x, _lam.view(shape));
        _yShuffled = Learn.Y!.index_select(0, shuffle);
    }

    private Tensor Mixed(Tensor pred, Tensor target, string reduction)
    {
        var original = _original!;
        if (!Learn.Training || _lam is null || _yShuffled is null) return original.Call(pred, target, reduction);
        var toShuffled = original.Call(pred, _yShuffled, "none");
        var toTarget = original.Call(pred, target, "none");
        var mixed = toShuffled.lerp(toTarget, _lam.view(toTarget.shape));
        return reduction switch
        {
            "none" => mixed,
            "sum" => mixed.sum(),
            _ => mixed.mean(),
        };
    }
}
