using NotebookDL.Data;

namespace NotebookDL.Vision;

/// <summary>
/// Factory methods for image classification <see cref="DataLoaders"/> (fastai's ImageDataLoaders): from a folder
/// per class, from file-name patterns, or from explicit lists. The training loader shuffles and drops the last
/// partial batch; the validation loader keeps order and every item.
/// <example><code>
/// var path = Datasets.FashionMnist.AsImageFolder();
/// var dls = ImageDataLoaders.FromFolder(path, valid: "test", itemTfms: [new Resize(32)], bs: 128);
/// </code></example>
/// </summary>
public static partial class ImageDataLoaders
{
    /// <summary>
    /// Images in <c>path/train/&lt;class&gt;/</c> and <c>path/valid/&lt;class&gt;/</c>, labelled by folder. With
    /// <paramref name="validPct"/>, all images under <paramref name="path"/> are split at random instead.
    /// </summary>
    public static DataLoaders FromFolder(string path, string train = "train", string valid = "valid", double? validPct = null, int? seed = null,
        IEnumerable<IImageTransform>? itemTfms = null, IEnumerable<IBatchTransform>? batchTfms = null, int bs = 64, int numWorkers = 2,
        string? convertMode = null, Device? device = null)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"Image folder not found: '{path}'.");
        // Without validPct the images must sit in path/train and path/valid; name the missing one (GetImageFiles skips it).
        if (validPct is null && !Directory.Exists(Path.Combine(path, train)))
            throw new DirectoryNotFoundException(
                $"Training folder not found: '{Path.Combine(path, train)}'. FromFolder expects {train}/<class>/ and {valid}/<class>/ under '{path}' " +
                $"(it has: {string.Join(", ", Directory.GetDirectories(path).Select(Path.GetFileName).DefaultIfEmpty("no folders"))}); pass train:/valid: names, or validPct to split at random.");
        var files = validPct is null ? Files.GetImageFiles(path, folders: [train, valid]) : Files.GetImageFiles(path);
        ISplitter splitter = validPct is { } pct ? new RandomSplitter(pct, seed) : new GrandparentSplitter(train, valid);
        return FromLabelled(path, files, files.Select(ParentLabeller.Instance.Label).ToList(), splitter, seed, itemTfms, batchTfms, bs, numWorkers, convertMode, device);
    }

    /// <summary>Images labelled by a regular expression on the file name (first capture group), split at random.</summary>
    public static DataLoaders FromNameRegex(string path, IReadOnlyList<string> files, string pattern, double validPct = 0.2, int? seed = null,
        IEnumerable<IImageTransform>? itemTfms = null, IEnumerable<IBatchTransform>? batchTfms = null, int bs = 64, int numWorkers = 2,
        string? convertMode = null, Device? device = null)
    {
        var labeller = new RegexLabeller(pattern);
        return FromLabelled(path, files, files.Select(labeller.Label).ToList(), new RandomSplitter(validPct, seed), seed, itemTfms, batchTfms, bs, numWorkers, convertMode, device);
    }

    /// <summary>Images with given labels; relative file paths are taken relative to <paramref name="path"/>. Split at random.</summary>
    public static DataLoaders FromLists(string path, IReadOnlyList<string> files, IReadOnlyList<string> labels, double validPct = 0.2, int? seed = null,
        IEnumerable<IImageTransform>? itemTfms = null, IEnumerable<IBatchTransform>? batchTfms = null, int bs = 64, int numWorkers = 2,
        string? convertMode = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(labels);
        if (files.Count != labels.Count) throw new ArgumentException($"{files.Count} files but {labels.Count} labels.", nameof(labels));
        var full = files.Select(f => Path.Combine(path, f)).ToList();
        return FromLabelled(path, full, labels, new RandomSplitter(validPct, seed), seed, itemTfms, batchTfms, bs, numWorkers, convertMode, device);
    }

    private static DataLoaders FromLabelled(string path, IReadOnlyList<string> files, IReadOnlyList<string> labels, ISplitter splitter, int? seed,
        IEnumerable<IImageTransform>? itemTfms, IEnumerable<IBatchTransform>? batchTfms, int bs, int numWorkers, string? convertMode, Device? device)
    {
        if (files.Count == 0) throw new ArgumentException($"No image files found under '{path}'.", nameof(path));
        var (trainIdx, validIdx) = splitter.Split(files);
        if (trainIdx.Length == 0) throw new ArgumentException($"No training images under '{path}' (split by {splitter.GetType().Name}).", nameof(path));
        // The vocab covers every label seen, so a class present only in validation still has an index.
        var vocab = new Vocab(labels);
        var tfms = itemTfms?.ToList() ?? [];
        var batchList = batchTfms?.ToList() ?? [];
        ImageDataset Subset(int[] idx) => new(idx.Select(i => files[i]).ToList(), idx.Select(i => (long)vocab.IndexOf(labels[i])).ToList(), tfms, convertMode);
        var baseSeed = seed ?? Random.Shared.Next();
        var trainDl = new BatchLoader(Subset(trainIdx), bs, shuffle: true, dropLast: true, numWorkers, baseSeed, batchList, device);
        var validDl = new BatchLoader(Subset(validIdx), bs, shuffle: false, dropLast: false, numWorkers, baseSeed, batchList, device, training: false);
        return new DataLoaders(trainDl, validDl, vocab, path);
    }
}
