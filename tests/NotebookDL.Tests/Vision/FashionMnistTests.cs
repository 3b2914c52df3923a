using System.IO.Compression;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

/// <summary>The image-folder export on the first 50 images per split (the full 70k export is for notebooks only).</summary>
public class FashionMnistTests
{
    private const int Limit = 50;

    /// <summary>The first n records of a gzipped IDX file, read here independently of the library (16/8-byte headers).</summary>
    private static byte[] IdxBytes(string file, int headerBytes, int recordBytes, int n)
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine("/usr/share/datasets/fashion-mnist", file)), CompressionMode.Decompress);
        var buffer = new byte[headerBytes + recordBytes * n];
        gz.ReadExactly(buffer);
        return buffer[headerBytes..];
    }

    [Fact]
    public void Export_writes_each_image_under_its_class_with_the_IDX_pixels()
    {
        using var dir = new TempDir();
        var root = Datasets.FashionMnist.AsImageFolder(dir.File("fmnist"), limit: Limit);

        var trainLabels = IdxBytes("train-labels-idx1-ubyte.gz", 8, 1, Limit);
        var testLabels = IdxBytes("t10k-labels-idx1-ubyte.gz", 8, 1, Limit);
        string[] names = ["T-shirt_top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetDirectories(Path.Combine(root, "train")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal));
        for (var c = 0; c < 10; c++)
        {
            Assert.Equal(trainLabels.Count(l => l == c), Directory.GetFiles(Path.Combine(root, "train", names[c]), "*.png").Length);
            Assert.Equal(testLabels.Count(l => l == c), Directory.GetFiles(Path.Combine(root, "test", names[c]), "*.png").Length);
        }

        // Image 7 of the training split, decoded from its PNG, equals the IDX bytes.
        var images = IdxBytes("train-images-idx3-ubyte.gz", 16, 784, Limit);
        var png = Path.Combine(root, "train", names[trainLabels[7]], "00007.png");
        var decoded = ImageIO.LoadImage(png);
        Assert.Equal((28, 28, 1), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(images[(7 * 784)..(8 * 784)], decoded.Pixels);
    }

    [Fact]
    public void A_completed_tree_is_reused_without_rewriting()
    {
        using var dir = new TempDir();
        var root = Datasets.FashionMnist.AsImageFolder(dir.File("fmnist"), limit: 20);
        var file = Directory.GetFiles(root, "*.png", SearchOption.AllDirectories)[0];
        var written = File.GetLastWriteTimeUtc(file);
        File.Delete(Directory.GetFiles(root, "*.png", SearchOption.AllDirectories)[1]); // a rewrite would bring it back

        var again = Datasets.FashionMnist.AsImageFolder(dir.File("fmnist"), limit: 20);

        Assert.Equal(root, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(39, Directory.GetFiles(root, "*.png", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void An_interrupted_export_is_never_used()
    {
        using var dir = new TempDir();
        // A partial tree left by a process that died (no such pid), and a root without the completion marker.
        var partial = dir.File($"fmnist.partial-{int.MaxValue}-0123");
        Directory.CreateDirectory(Path.Combine(partial, "train", "Bag"));
        File.WriteAllText(Path.Combine(partial, "train", "Bag", "junk.png"), "half");
        Directory.CreateDirectory(dir.File("fmnist/train/Bag"));
        File.WriteAllText(dir.File("fmnist/train/Bag/stale.png"), "half");

        var root = Datasets.FashionMnist.AsImageFolder(dir.File("fmnist"), limit: 10);

        Assert.Equal(dir.File("fmnist"), root);
        Assert.False(File.Exists(dir.File("fmnist/train/Bag/stale.png")));
        Assert.Equal(20, Directory.GetFiles(root, "*.png", SearchOption.AllDirectories).Length);
        Assert.False(Directory.Exists(partial));
        Assert.Empty(Directory.GetDirectories(dir.Path, "fmnist.partial-*"));
    }

    [Fact]
    public void A_tree_made_with_another_limit_is_rebuilt()
    {
        using var dir = new TempDir();
        Datasets.FashionMnist.AsImageFolder(dir.File("fmnist"), limit: 5);
        var root = Datasets.FashionMnist.AsImageFolder(dir.File("fmnist"), limit: 8);
        Assert.Equal(16, Directory.GetFiles(root, "*.png", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Load_gives_uint8_images_and_int64_labels_matching_the_IDX_files()
    {
        var (images, labels) = Datasets.FashionMnist.Load(train: false, limit: 30);
        using (images)
        using (labels)
        {
            Assert.Equal([30L, 28, 28], images.shape);
            Assert.Equal(ScalarType.Byte, images.dtype);
            Assert.Equal(ScalarType.Int64, labels.dtype);
            Assert.Equal(IdxBytes("t10k-labels-idx1-ubyte.gz", 8, 1, 30).Select(b => (long)b), labels.ToArray<long>());
            Assert.Equal(IdxBytes("t10k-images-idx3-ubyte.gz", 16, 784, 30), images.ToArray<byte>());
        }
    }
}
