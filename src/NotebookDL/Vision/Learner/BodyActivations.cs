using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Vision.Augment;

namespace NotebookDL.Vision;

/// <summary>Runs a frozen body once over a loader's items and keeps its activations (the course's precompute).</summary>
internal static class BodyActivations
{
    /// <summary>
    /// The body's activations (N, C, h, w) and the targets (N) over every item of <paramref name="dl"/>, computed
    /// in eval mode under no_grad, without augmentation (an image loader is re-read unshuffled with its
    /// deterministic batch transforms only). The caller owns both tensors.
    /// </summary>
    public static (Tensor X, Tensor Y) Compute(nn.Module<Tensor, Tensor> body, BatchLoader dl, ProgressDisplay? progress)
    {
        var source = Source(dl);
        var (xs, ys) = (new List<Tensor>(), new List<Tensor>());
        var wasTraining = body.training;
        body.eval();
        try
        {
            using var noGrad = torch.no_grad();
            foreach (var batch in source)
            {
                using (batch)
                {
                    xs.Add(body.call(batch.X).DetachFromDisposeScope());
                    ys.Add(batch.Y.clone().DetachFromDisposeScope());
                }
                progress?.Advance();
            }
            if (xs.Count == 0) throw new InvalidOperationException("Precompute found no batches: the data loader is empty.");
            return (torch.cat(xs).DetachFromDisposeScope(), torch.cat(ys).DetachFromDisposeScope());
        }
        finally
        {
            foreach (var t in xs.Concat(ys)) t.Dispose();
            body.train(wasTraining);
        }
    }

    /// <summary>True when <paramref name="dls"/>' training data is augmented (random batch or item transforms).</summary>
    public static bool IsAugmented(DataLoaders dls, out string what)
    {
        var train = dls.Train;
        var random = train.BatchTransforms.OfType<IRandomBatchTransform>().Select(t => t.GetType().Name)
            .Concat(train.Dataset is ImageDataset images ? images.ItemTransforms.OfType<RandomResizedCrop>().Select(t => t.GetType().Name) : [])
            .ToList();
        what = string.Join(", ", random);
        return random.Count > 0;
    }

    /// <summary>Batches a <see cref="Compute"/> pass over <paramref name="dl"/> runs (every item, so the last partial batch too).</summary>
    public static int Batches(BatchLoader dl) => Source(dl).Count;

    /// <summary>The same items in dataset order, without shuffling, random item transforms or augmentation.</summary>
    private static BatchLoader Source(BatchLoader dl) => new(dl.Dataset, dl.Bs, shuffle: false, dropLast: false, dl.NumWorkers, dl.Seed,
        dl.BatchTransforms.Where(t => t is not IRandomBatchTransform), dl.Device, training: false);
}
