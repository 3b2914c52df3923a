using NotebookDL.Data;

namespace NotebookDL.Vision;

public static partial class ImageDataLoaders
{
    /// <summary>
    /// Images already in memory — uint8 (N, H, W) or (N, C, H, W), or floats in [0, 1] — with int64 class indices into
    /// <paramref name="classes"/>: the fast path for data sets such as <c>Datasets.FashionMnist.Load()</c>, and the easy
    /// way to a subset (slice the tensors). Images become float (N, C, H, W) in [0, 1]; unless
    /// <paramref name="batchTfms"/> are given, batches are normalised with the training images' per-channel mean and
    /// standard deviation. Training batches are shuffled and the last partial one dropped.
    /// </summary>
    /// <example><code>
    /// var (x, y) = Datasets.FashionMnist.Load();
    /// var (xv, yv) = Datasets.FashionMnist.Load(train: false);
    /// var dls = ImageDataLoaders.FromTensors(x[..6000], y[..6000], xv, yv, Datasets.FashionMnist.Classes, bs: 128);
    /// </code></example>
    public static DataLoaders FromTensors(Tensor trainImages, Tensor trainLabels, Tensor validImages, Tensor validLabels, IReadOnlyList<string> classes,
        int bs = 64, int? seed = null, IEnumerable<IBatchTransform>? batchTfms = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Check.Positive(bs, nameof(bs));
        var xt = AsImages(trainImages, nameof(trainImages));
        var xv = AsImages(validImages, nameof(validImages));
        if (xt.shape[1..].SequenceEqual(xv.shape[1..]) is false)
            throw new ArgumentException($"Training images are [{string.Join(", ", xt.shape[1..])}] but validation images [{string.Join(", ", xv.shape[1..])}].", nameof(validImages));
        var yt = AsLabels(trainLabels, xt.shape[0], classes.Count, nameof(trainLabels));
        var yv = AsLabels(validLabels, xv.shape[0], classes.Count, nameof(validLabels));
        var tfms = batchTfms?.ToList() ?? [ChannelNormalize(xt)];
        var train = new BatchLoader(new TensorRowsDataset(xt, yt), bs, shuffle: true, dropLast: true, numWorkers: 0, seed: seed, batchTfms: tfms);
        var valid = new BatchLoader(new TensorRowsDataset(xv, yv), bs, numWorkers: 0, seed: seed, batchTfms: tfms, training: false);
        return new DataLoaders(train, valid, Vocab.InOrder(classes));
    }

    private static Tensor AsImages(Tensor images, string name)
    {
        ArgumentNullException.ThrowIfNull(images, name);
        if (images.ndim is not (3 or 4) || images.shape[0] == 0)
            throw new ArgumentException($"Images are (N, H, W) or (N, C, H, W) with N > 0, got [{string.Join(", ", images.shape)}].", name);
        using var scope = torch.NewDisposeScope();
        var x = images.ndim == 3 ? images.unsqueeze(1) : images;
        // Always a copy: the loaders own their images, and the caller may dispose or change theirs.
        x = images.dtype == ScalarType.Byte ? x.to(ScalarType.Float32).div_(255) : x.is_floating_point() ? x.to(ScalarType.Float32, copy: true)
            : throw new ArgumentException($"Images are uint8 or floating point, got {images.dtype}.", name);
        return x.contiguous().MoveToOuterDisposeScope();
    }

    private static Tensor AsLabels(Tensor labels, long count, int classes, string name)
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        if (labels.ndim != 1 || labels.shape[0] != count)
            throw new ArgumentException($"{name} must hold one class index per image ({count}), got shape [{string.Join(", ", labels.shape)}].", name);
        var y = labels.to(ScalarType.Int64);
        var (low, high) = (y.min().item<long>(), y.max().item<long>());
        if (low < 0 || high >= classes)
            throw new ArgumentException($"{name} holds class index {(low < 0 ? low : high)}, outside the {classes} classes given.", name);
        return y;
    }

    private static Normalize ChannelNormalize(Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        var perChannel = images.transpose(0, 1).flatten(1);
        return Normalize.FromStats(perChannel.mean([1]).data<float>().ToArray(), perChannel.std(1).data<float>().ToArray());
    }
}
