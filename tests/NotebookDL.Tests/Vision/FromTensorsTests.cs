using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

public sealed class FromTensorsTests
{
    [Fact]
    public void Bytes_become_normalised_float_batches_with_the_training_images_stats()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = Datasets.FashionMnist.Load(train: true, limit: 512);
        var (xv, yv) = Datasets.FashionMnist.Load(train: false, limit: 256);
        var dls = ImageDataLoaders.FromTensors(x, y, xv, yv, Datasets.FashionMnist.Classes, bs: 128, seed: 1);
        Assert.Equal(4, dls.Train.Count);
        Assert.Equal(2, dls.Valid.Count);
        Assert.Equal(Datasets.FashionMnist.Classes, dls.Vocab!);
        // pandas/numpy-free check: the stats are the plain mean and std of the training pixels as floats in [0, 1].
        var pixels = x.to(ScalarType.Float32) / 255;
        var all = torch.cat(dls.Train.Select(b => { using (b) return b.X.clone(); }).ToList(), 0);
        Assert.Equal([512L, 1, 28, 28], all.shape);
        using var first = dls.Valid.First();
        var expected = (xv[..128].unsqueeze(1).to(ScalarType.Float32) / 255 - pixels.mean()) / pixels.std();
        Assert.True(first.X.allclose(expected, rtol: 1e-4, atol: 1e-4));
        Assert.True(first.Y.equal(yv[..128]).all().item<bool>());
        Assert.True(Math.Abs(all.mean().item<float>()) < 1e-3);
    }

    [Fact]
    public void Float_images_are_copied_so_the_callers_tensor_stays_theirs()
    {
        var x = torch.rand(8, 1, 4, 4);
        var y = torch.tensor(new long[] { 0, 1, 0, 1, 0, 1, 0, 1 });
        var dls = ImageDataLoaders.FromTensors(x, y, x, y, ["a", "b"], bs: 4, batchTfms: []);
        using var before = dls.Valid.First();
        var copy = before.X.clone();
        x.zero_();
        x.Dispose();
        using var after = dls.Valid.First();
        Assert.True(after.X.allclose(copy));
    }

    [Fact]
    public void Mismatched_counts_and_unknown_classes_are_named()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(new long[] { 4, 8, 8 }, ScalarType.Byte);
        var y = torch.tensor(new long[] { 0, 1, 0, 1 });
        var count = Assert.Throws<ArgumentException>(() => ImageDataLoaders.FromTensors(x, y[..3], x, y, ["a", "b"]));
        Assert.Contains("one class index per image (4)", count.Message);
        var unknown = Assert.Throws<ArgumentException>(() => ImageDataLoaders.FromTensors(x, y, x, y + 1, ["a", "b"]));
        Assert.Contains("class index 2", unknown.Message);
        var shape = Assert.Throws<ArgumentException>(() => ImageDataLoaders.FromTensors(x, y, torch.zeros(new long[] { 4, 6, 6 }, ScalarType.Byte), y, ["a", "b"]));
        Assert.Contains("validation images", shape.Message);
    }
}
