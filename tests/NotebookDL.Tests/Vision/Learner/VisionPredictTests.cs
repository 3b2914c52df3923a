using NotebookDL.Learning;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision.Learner;

using M = NotebookDL.Architectures.Models;
using L = NotebookDL.Learning.Learner;

/// <summary>
/// fastai's predict for a picture: from a file, a stream or bytes, a vision learner gives what its validation batches
/// give for the same picture, and so does the learner exported and loaded again.
/// </summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class VisionPredictTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nbdl-vpredict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Pictures of two classes (dark and bright) of different sizes, so the item transforms have work to do.
    private string ImageFolder()
    {
        var root = Path.Combine(_dir, "pictures");
        var seed = 0;
        foreach (var split in new[] { "train", "valid" })
            foreach (var (cls, level) in new[] { ("dark", 60), ("bright", 190) })
                for (var i = 0; i < (split == "train" ? 12 : 5); i++)
                {
                    var (w, h) = (20 + 3 * i, 24 + 2 * i);
                    var pixels = TestImages.Random(w, h, 3, seed++).Select(b => (byte)Math.Clamp(level + (b - 128) / 4, 0, 255)).ToArray();
                    TestImages.WritePng(Path.Combine(root, split, cls, $"{i:00}.png"), pixels, w, h, 3);
                }
        return root;
    }

    private static double[] Row(Tensor preds, int i) => preds[i].to(ScalarType.Float64).data<double>().ToArray();

    private static void AssertClose(double[] expected, double[] got) =>
        Assert.True(expected.Zip(got).All(p => Math.Abs(p.First - p.Second) <= 1e-5), $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", got)}]");

    [Fact]
    public void A_picture_file_stream_or_bytes_predicts_as_its_validation_batch_before_and_after_export()
    {
        torch.manual_seed(0);
        var dls = ImageDataLoaders.FromFolder(ImageFolder(), itemTfms: [new Resize(16)], bs: 8, numWorkers: 0, seed: 1,
            batchTfms: [Normalize.FromStats([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]), .. NotebookDL.Vision.Augment.Augmentations.AugTransforms()]);
        using var learn = Learners.VisionLearner(dls, M.ResNet18, progress: false);
        learn.Fit(1, 1e-3);
        var files = ((ImageDataset)dls.Valid.Dataset).Files;
        var (preds, targets, _) = learn.GetPreds(withLoss: false);
        targets.Dispose();

        var file = Path.Combine(_dir, "learner.nbdl");
        learn.Export(file);
        using var loaded = L.Load<VisionLearner>(file);
        for (var i = 0; i < files.Count; i++)
        {
            var expected = Row(preds, i);
            var fromFile = learn.Predict(files[i]);
            AssertClose(expected, fromFile.Output);
            Assert.Equal(dls.Vocab![(int)fromFile.Decoded[0]], fromFile.Label);
            AssertClose(expected, loaded.Predict(files[i]).Output);
            using (var stream = File.OpenRead(files[i])) AssertClose(expected, loaded.Predict(stream).Output);
            AssertClose(expected, loaded.Predict(File.ReadAllBytes(files[i])).Output);
        }
        preds.Dispose();
    }

    [Fact]
    public void A_learner_trained_on_image_tensors_predicts_a_png_of_one_of_them()
    {
        torch.manual_seed(0);
        var x = torch.randint(0, 256, [40, 12, 12], dtype: ScalarType.Byte);
        var y = torch.arange(40, dtype: ScalarType.Int64).remainder(2);
        var dls = ImageDataLoaders.FromTensors(x[..32], y[..32], x[32..], y[32..], ["even", "odd"], bs: 8, seed: 0);
        using var learn = Learners.VisionLearner(dls, M.ResNet18, progress: false);
        learn.Fit(1, 1e-3);
        var (preds, targets, _) = learn.GetPreds(withLoss: false);
        targets.Dispose();

        var png = Path.Combine(_dir, "item.png");
        ImageIO.SavePng(x[33].unsqueeze(-1), png); // (H, W, 1) gray
        var file = Path.Combine(_dir, "tensors.nbdl");
        learn.Export(file);
        using var loaded = L.Load<VisionLearner>(file);

        AssertClose(Row(preds, 1), learn.Predict(png).Output);
        AssertClose(Row(preds, 1), loaded.Predict(png).Output);
        preds.Dispose();
    }

    [Fact]
    public void Bad_pictures_are_refused_by_name()
    {
        var x = torch.randint(0, 256, [10, 12, 12], dtype: ScalarType.Byte);
        var y = torch.arange(10, dtype: ScalarType.Int64).remainder(2);
        var dls = ImageDataLoaders.FromTensors(x[..8], y[..8], x[8..], y[8..], ["a", "b"], bs: 4, seed: 0);
        using var learn = Learners.VisionLearner(dls, M.ResNet18, progress: false);

        Assert.Contains("empty", Assert.Throws<ImageDecodeException>(() => learn.Predict(Array.Empty<byte>(), "upload")).Message);
        Assert.Contains("upload", Assert.Throws<ImageDecodeException>(() => learn.Predict("not a picture"u8, "upload")).Message);
        Assert.Throws<FileNotFoundException>(() => learn.Predict(Path.Combine(_dir, "missing.png")));
        var png = Path.Combine(_dir, "big.png");
        TestImages.WritePng(png, new byte[64 * 48], 64, 48, 1);
        var tooBig = Assert.Throws<ImageDecodeException>(() => learn.Pipeline.ToItem(File.ReadAllBytes(png), "big.png", maxPixels: 1000));
        Assert.Contains("64 x 48", tooBig.Message);
    }
}
