using NotebookDL.Display;
using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Architectures;

namespace NotebookDL.Vision;

/// <summary>
/// The course's <c>precompute=True</c>: while the body is frozen, its activations for every training and validation
/// image are computed once (eval mode, no_grad, no augmentation) and the fit trains only the head on them, which on a
/// CPU is many times faster than running the body every epoch. For the fit's duration the learner's data is swapped
/// for loaders over the cached activations and the model skips its body
/// (<see cref="BodyHeadModel.BodyBypassed"/>); both are put back after
/// the fit. A fit with an unfrozen body or augmented training data switches precompute off, with a message, since
/// the cached activations would then be wrong. Attach it with <c>learn.Precompute = true</c>.
/// </summary>
public sealed class PrecomputeCallback : Callback
{
    private (Tensor X, Tensor Y)? _train, _valid;
    private IDataLoaders? _cachedFor;
    private IDataLoaders? _originalDls;

    /// <summary>First, so that every other callback (progress, recorder) sees the cached-activation loaders.</summary>
    public override int Order => -20;

    /// <summary>Items whose activations are cached (training, validation), or null before the first fit.</summary>
    public (long Train, long Valid)? CachedItems => _train is { } t && _valid is { } v ? (t.X.shape[0], v.X.shape[0]) : null;

    /// <summary>Why precompute cannot be used for <paramref name="learn"/> now, or null when it can.</summary>
    public static string? ReasonOff(Learner learn)
    {
        if (learn is not VisionLearner vision) return "the learner is not a VisionLearner.";
        if (learn.Model is not BodyHeadModel model) return "the model is not a BodyHeadModel (body, head) from VisionLearner.";
        var body = model.Body;
        var batchNorm = new HashSet<Tensor>(body.modules().OfType<BatchNorm>().SelectMany(m => m.parameters(recurse: false)), ReferenceEqualityComparer.Instance);
        if (body.parameters().Any(p => p.requires_grad && !batchNorm.Contains(p)))
            return "the body is unfrozen (Unfreeze, or no pretrained weights), so its activations change while training.";
        if (BodyActivations.IsAugmented(vision.Dls, out var what))
            return $"the training data is augmented ({what}); precomputed activations would be those of the un-augmented images.";
        return null;
    }

    public override void BeforeFit()
    {
        PutBack();
        if (ReasonOff(Learn) is { } reason)
        {
            Console.WriteLine($"Precompute is now off: {reason}");
            Learn.RemoveCb(this);
            ClearCache();
            return;
        }
        EnsureCache();
        _originalDls = Learn.Dls;
        var (bs, device) = (_originalDls.Train.Bs, _originalDls.Device);
        // Shuffled and without the last partial batch, as the image loader: a batch of one breaks the head's BatchNorm1d.
        var train = new BatchLoader(new TensorRowsDataset(_train!.Value.X, _train.Value.Y), bs, shuffle: true, dropLast: true, numWorkers: 0, seed: Learn.TrainIter, device: device);
        var valid = new BatchLoader(new TensorRowsDataset(_valid!.Value.X, _valid.Value.Y), bs, numWorkers: 0, seed: 0, device: device);
        Learn.Dls = new DataLoaders(train, valid, _originalDls.Vocab is { } classes ? Vocab.InOrder(classes) : null);
        ((BodyHeadModel)Learn.Model).BodyBypassed = true;
    }

    public override void AfterFit() => PutBack();

    /// <summary>Restores the real data and body if a fit swapped them (also after a fit that died with an error).</summary>
    public void PutBack()
    {
        if (Learner is null) return;
        if (Learn.Model is BodyHeadModel model) model.BodyBypassed = false;
        if (_originalDls is not null) Learn.Dls = _originalDls;
        _originalDls = null;
    }

    /// <summary>Frees the cached activations (they are recomputed on the next fit).</summary>
    public void ClearCache()
    {
        foreach (var t in new[] { _train?.X, _train?.Y, _valid?.X, _valid?.Y }) t?.Dispose();
        (_train, _valid, _cachedFor) = (null, null, null);
    }

    private void EnsureCache()
    {
        if (_cachedFor == Learn.Dls && _train is not null) return;
        ClearCache();
        var images = ((VisionLearner)Learn).Dls;   // ReasonOff checked the kind of learner
        var (train, valid) = (images.Train, images.Valid);
        using var progress = new ProgressDisplay(BodyActivations.Batches(train) + BodyActivations.Batches(valid), "precompute activations");
        var body = ((BodyHeadModel)Learn.Model).Body;
        _train = BodyActivations.Compute(body, train, progress);
        _valid = BodyActivations.Compute(body, valid, progress);
        _cachedFor = Learn.Dls;
    }

}
