using NotebookDL.Data;
using NotebookDL.Tests.Data;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

[Collection(nameof(ProcessMemoryCollection))]
public class ImageDataLoadersTests
{
    private static readonly string[] Classes = ["cat", "dog", "emu"];

    [Fact]
    public void FromFolder_labels_by_folder_and_batches_float_images_in_0_1()
    {
        using var train = new PngFolder(6, Classes, "train");
        using var valid = new PngFolder(2, Classes, "valid");
        CopyTree(valid.Path, train.Path);

        var dls = ImageDataLoaders.FromFolder(train.Path, itemTfms: [new Resize(16)], bs: 4, seed: 1);

        Assert.Equal(["cat", "dog", "emu"], dls.Vocab!);
        Assert.Equal(3, dls.C);
        Assert.Equal(18, dls.Train.Dataset.Count);
        Assert.Equal(6, dls.Valid.Dataset.Count);
        Assert.Equal(4, dls.Train.Count); // 18 / 4, last partial batch dropped
        Assert.Equal(2, dls.Valid.Count);
        using var batch = dls.OneBatch();
        Assert.Equal([4L, 1, 16, 16], batch.X.shape);
        Assert.Equal(ScalarType.Float32, batch.X.dtype);
        Assert.Equal(ScalarType.Int64, batch.Y.dtype);
        Assert.InRange(batch.X.min().ToSingle(), 0f, 1f);
        Assert.InRange(batch.X.max().ToSingle(), 0f, 1f);
    }

    [Fact]
    public void Labels_follow_the_files_through_shuffling()
    {
        using var folder = new PngFolder(5, Classes, "train");
        Directory.CreateDirectory(Path.Combine(folder.Path, "valid"));
        CopyTree(Path.Combine(folder.Path, "train"), Path.Combine(folder.Path, "valid"));

        // No resize: pixel (0,1) of each image holds its class index (scaled to [0,1]); pixel (0,0) its id.
        var dls = ImageDataLoaders.FromFolder(folder.Path, bs: 5, seed: 2, numWorkers: 2);
        var ids = new List<int>();
        foreach (var batch in dls.Train)
        {
            using (batch)
            {
                var x = batch.X.ToArray<float>();
                var y = batch.Y.ToArray<long>();
                for (var i = 0; i < y.Length; i++)
                {
                    Assert.Equal(y[i], (long)Math.Round(x[i * 64 + 1] * 255));
                    ids.Add((int)Math.Round(x[i * 64] * 255));
                }
            }
        }
        Assert.Equal(Enumerable.Range(0, 15), ids.Order());
    }

    [Fact]
    public void FromFolder_with_validPct_splits_at_random_reproducibly()
    {
        using var folder = new PngFolder(10, Classes, "all");
        var a = ImageDataLoaders.FromFolder(folder.Path, validPct: 0.2, seed: 7, bs: 4);
        var b = ImageDataLoaders.FromFolder(folder.Path, validPct: 0.2, seed: 7, bs: 4);

        Assert.Equal(6, a.Valid.Dataset.Count);
        Assert.Equal(24, a.Train.Dataset.Count);
        Assert.Equal(((ImageDataset)a.Valid.Dataset).Files, ((ImageDataset)b.Valid.Dataset).Files);
        Assert.Equal(Batches.Labels(a.Train).SelectMany(x => x), Batches.Labels(b.Train).SelectMany(x => x));
    }

    [Fact]
    public void FromNameRegex_and_FromLists_label_as_told()
    {
        using var folder = new PngFolder(4, Classes, "pics");
        var files = Files.GetImageFiles(folder.Path);
        var byName = ImageDataLoaders.FromNameRegex(folder.Path, files, @"^([a-z]+)_\d+\.png$", seed: 1, bs: 2);
        Assert.Equal(["cat", "dog", "emu"], byName.Vocab!);
        Assert.Equal(10, byName.Train.Dataset.Count);

        var relative = files.Select(f => Path.GetRelativePath(folder.Path, f)).ToList();
        var labels = relative.Select(f => f.Contains("emu") ? "bird" : "mammal").ToList();
        var lists = ImageDataLoaders.FromLists(folder.Path, relative, labels, validPct: 0.25, seed: 1, bs: 2);
        Assert.Equal(["bird", "mammal"], lists.Vocab!);
        var ds = (ImageDataset)lists.Train.Dataset;
        for (var i = 0; i < ds.Count; i++) Assert.Equal(ds.Files[i].Contains("emu") ? 0 : 1, ds.LabelOf(i));
    }

    [Fact]
    public void Gray_images_stay_one_channel_unless_RGB_is_asked_for()
    {
        using var folder = new PngFolder(3, Classes, "train");
        CopyTree(Path.Combine(folder.Path, "train"), Path.Combine(folder.Path, "valid"));
        using var gray = ImageDataLoaders.FromFolder(folder.Path, bs: 3, seed: 0).OneBatch();
        using var rgb = ImageDataLoaders.FromFolder(folder.Path, bs: 3, seed: 0, convertMode: "RGB").OneBatch();
        Assert.Equal(1, gray.X.shape[1]);
        Assert.Equal(3, rgb.X.shape[1]);
    }

    [Fact]
    public void A_corrupt_file_fails_the_epoch_naming_the_file()
    {
        using var folder = new PngFolder(4, Classes, "train");
        CopyTree(Path.Combine(folder.Path, "train"), Path.Combine(folder.Path, "valid"));
        var bad = Path.Combine(folder.Path, "valid", "dog", "dog_002.png");
        File.WriteAllText(bad, "garbage");
        var dls = ImageDataLoaders.FromFolder(folder.Path, bs: 2, seed: 0);

        var e = Assert.Throws<ItemLoadException>(() => Batches.Labels(dls.Valid));

        Assert.Equal(bad, e.FilePath);
        Assert.Contains(bad, e.Message);
        Assert.IsType<ImageDecodeException>(e.InnerException);
        Assert.Equal(0, dls.Valid.LiveWorkers);
    }

    [Fact]
    public void Mixed_sizes_without_resize_explain_what_to_add()
    {
        using var folder = new PngFolder(2, ["a"], "train", size: 8);
        TestImages.WritePng(Path.Combine(folder.Path, "train", "a", "big.png"), new byte[100], 10, 10, 1);
        var ds = new ImageDataset(Files.GetImageFiles(folder.Path), [0, 0, 0]);
        var e = Assert.Throws<InvalidOperationException>(() => ds.GetBatch([0, 1, 2], new BatchContext(false, 0, 0, 0)));
        Assert.Contains("Resize", e.Message);
    }

    [Fact]
    public void Memory_stays_bounded_over_epochs()
    {
        using var folder = new PngFolder(40, Classes, "train", size: 28);
        CopyTree(Path.Combine(folder.Path, "train"), Path.Combine(folder.Path, "valid"));
        var dls = ImageDataLoaders.FromFolder(folder.Path, itemTfms: [new Resize(64)], bs: 16, seed: 0, convertMode: "RGB");
        void Epoch()
        {
            foreach (var batch in dls.Train) batch.Dispose();
        }
        // Warm-up: JIT, array pools and malloc arenas of the pool threads reach their working size.
        Epoch();
        Epoch();
        var samples = new List<long>();
        for (var e = 0; e < 12; e++)
        {
            Epoch();
            Settle();
            samples.Add(ProcessMemory.ResidentBytes());
        }
        // An epoch allocates 7 batches x 16 x 3 x 64 x 64 x 4 bytes = 5.5 MB of batch tensors; a leak would keep them all.
        // Judged by the trend over 12 epochs, not by two readings: a one-off +15 MB of the allocator failed the old
        // two-reading version on a busy machine while nothing leaked.
        var perEpoch = ProcessMemory.GrowthPerStep(samples);
        Assert.True(perEpoch < 2 * 1024 * 1024, $"RSS grows by {perEpoch / 1024:F0} KiB per epoch: {string.Join(", ", samples.Select(s => s / 1024 / 1024))} MB");

        // Native memory that only finalizers free (tensors and scalars of earlier tests too) is freed before measuring.
        static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
