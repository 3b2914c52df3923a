
namespace NotebookDL.Vision;

/// <summary>Datasets that ship with Debian packages, ready for lessons.</summary>
public static partial class Datasets
{
    /// <summary>
    /// Fashion-MNIST (Zalando): 70,000 real 28x28 gray photos of clothing in 10 classes, 60,000 train and 10,000
    /// test, read from Debian's <c>dataset-fashion-mnist</c> package.
    /// </summary>
    public static class FashionMnist
    {
        /// <summary>Where Debian installs the IDX files.</summary>
        public const string PackageDir = "/usr/share/datasets/fashion-mnist";

        /// <summary>Fashion-MNIST's class names, in label order.</summary>
        public static readonly IReadOnlyList<string> Classes =
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

        /// <summary>The class names as folder names ("T-shirt/top" becomes "T-shirt_top").</summary>
        public static readonly IReadOnlyList<string> FolderNames = [.. Classes.Select(SafeName)];

        /// <summary>The default cache: ~/.cache/notebookdl/datasets/fashion-mnist.</summary>
        public static string DefaultCacheDir => UserCache.Folder("datasets", "fashion-mnist");

        /// <summary>
        /// The dataset as an image folder, <c>train/&lt;class&gt;/NNNNN.png</c> and <c>test/&lt;class&gt;/NNNNN.png</c>,
        /// written once under <paramref name="cacheDir"/> and reused afterwards. The tree is built in a temporary
        /// sibling folder and moved into place only when complete, so an interrupted export is never used.
        /// <example><code>var dls = ImageDataLoaders.FromFolder(Datasets.FashionMnist.AsImageFolder(), valid: "test");</code></example>
        /// </summary>
        /// <returns>The folder holding train/ and test/.</returns>
        public static string AsImageFolder(string? cacheDir = null) => ImageFolderExport.Ensure(cacheDir ?? DefaultCacheDir, limit: null);

        /// <summary>As <see cref="AsImageFolder(string?)"/> with only the first <paramref name="limit"/> images per split (tests).</summary>
        internal static string AsImageFolder(string cacheDir, int? limit) => ImageFolderExport.Ensure(cacheDir, limit);

        /// <summary>
        /// The raw tensors for fast in-memory paths: images uint8 (N, 28, 28) and labels int64 (N); N is 60,000 for
        /// train, 10,000 for test. The caller owns both tensors.
        /// </summary>
        /// <param name="train">The 60,000 training images, or the 10,000 test images.</param>
        /// <param name="dir">Folder holding the four IDX .gz files; <see cref="PackageDir"/> when null.</param>
        public static (Tensor Images, Tensor Labels) Load(bool train = true, string? dir = null) => Load(train, limit: null, dir);

        internal static (Tensor Images, Tensor Labels) Load(bool train, int? limit, string? dir = null)
        {
            var (shape, images, labels) = ReadSplit(train ? "train" : "t10k", limit, dir);
            return (torch.tensor(images, shape.Select(d => (long)d).ToArray()), torch.tensor(labels.Select(l => (long)l).ToArray()));
        }

        /// <summary>Image shape (N, 28, 28), pixels and labels of one split ("train" or "t10k"), straight from the IDX files.</summary>
        internal static (int[] Shape, byte[] Images, byte[] Labels) ReadSplit(string prefix, int? limit, string? dir = null)
        {
            dir ??= PackageDir;
            var imagesPath = Path.Combine(dir, $"{prefix}-images-idx3-ubyte.gz");
            var labelsPath = Path.Combine(dir, $"{prefix}-labels-idx1-ubyte.gz");
            // Name the first missing file (the labels file may be the one absent) and how to get the files.
            var missing = new[] { imagesPath, labelsPath }.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null)
                throw new FileNotFoundException(
                    $"Fashion-MNIST file {missing} not found. " +
                    $"Debian's package puts the IDX files in {PackageDir}: install it with `apt-get install dataset-fashion-mnist`" +
                    (dir == PackageDir ? "." : ", or pass the folder that holds them."), missing);
            var (shape, images) = IdxFile.Read(imagesPath, limit);
            var (_, labels) = IdxFile.Read(labelsPath, limit);
            if (labels.Length != shape[0]) throw new InvalidDataException($"{imagesPath} has {shape[0]} images but {labelsPath} has {labels.Length} labels.");
            return (shape, images, labels);
        }

        private static string SafeName(string name) =>
            string.Concat(name.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) || ch is '\\' or ':' ? '_' : ch));
    }
}
