using System.Collections;
using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Tests.Vision;
using NotebookDL.Vision;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning.BadInput;

/// <summary>Common mistakes fail with a .NET exception whose message names the problem (and values involved).</summary>
public class BadInputTests
{
    [Fact]
    public void Float_labels_with_cross_entropy_say_labels_must_be_int64()
    {
        var (x, y) = Points(64, seed: 0);
        using var floatY = y.to(float32);
        var learn = MakeLearner(dls: DataLoaders.FromTensors(x, floatY, x, floatY, bs: 16));

        var e = Assert.Throws<ArgumentException>(() => learn.Fit(1));

        Assert.Contains("int64", e.Message);
        Assert.Contains("got float32", e.Message);
    }

    [Fact]
    public void Int32_labels_name_their_dtype_too()
    {
        using var pred = zeros(4, 3);
        using var target = zeros(new long[] { 4 }, dtype: int32);
        var e = Assert.Throws<ArgumentException>(() => LossFunction.CrossEntropy.Call(pred, target));
        Assert.Contains("got int32", e.Message);
        Assert.Contains("[4]", e.Message);
    }

    [Fact]
    public void Mismatched_batch_sizes_name_both_sizes()
    {
        var dl = new MismatchedLoader(xRows: 8, yRows: 5);
        var learn = new Learner(new Loaders(dl), Mlp(), LossFunction.CrossEntropy, progress: false);

        var e = Assert.Throws<InvalidOperationException>(() => learn.Fit(1));

        Assert.Contains("x batch size 8", e.Message);
        Assert.Contains("y batch size 5", e.Message);
        Assert.Contains("Batch 0 of the training loader", e.Message);
    }

    [Fact]
    public void TensorDataset_rejects_x_and_y_of_different_lengths()
    {
        using var x = zeros(10, 2);
        using var y = zeros(new long[] { 7 }, dtype: int64);
        var e = Assert.Throws<ArgumentException>(() => new TensorRowsDataset(x, y));
        Assert.Contains("10", e.Message);
        Assert.Contains("7", e.Message);
    }

    /// <summary>Training data whose item 100 is NaN: with bs 32 and no shuffling its loss is NaN at batch 3 of epoch 0.</summary>
    private static DataLoaders WithNaNAtItem100()
    {
        var (x, y) = Points(256, seed: 0);
        x[100, 0] = tensor(float.NaN);
        var (xv, yv) = Points(64, seed: 1);
        return DataLoaders.FromTensors(x, y, xv, yv, bs: 32, shuffle: false);
    }

    [Fact]
    public void NaN_loss_stops_training_by_default_naming_epoch_and_batch()
    {
        var model = Mlp();
        var learn = MakeLearner(dls: WithNaNAtItem100(), model: model);
        Assert.NotNull(learn.GetCallback<TerminateOnNaN>());

        var e = Assert.Throws<NonFiniteLossException>(() => learn.Fit(2, 1e-2));

        Assert.Equal((0, 3), (e.Epoch, e.Batch));
        Assert.Contains("epoch 0, batch 3", e.Message);
        Assert.Contains("NaN", e.Message);
        Assert.True(double.IsNaN(e.Loss));
        // Stopped before backward and step: the weights are still finite.
        Assert.All(model.parameters(), p => Assert.Equal(0, p.isnan().sum().ToInt64()));
    }

    [Fact]
    public void Without_TerminateOnNaN_training_runs_on_and_the_weights_turn_NaN()
    {
        var model = Mlp();
        var learn = MakeLearner(dls: WithNaNAtItem100(), model: model);
        learn.RemoveCb(learn.GetCallback<TerminateOnNaN>()!);

        learn.Fit(1, 1e-2);

        Assert.True(double.IsNaN(learn.Recorder.Values[0][0]));
        Assert.Contains(model.parameters(), p => p.isnan().sum().ToInt64() > 0);
    }

    [Fact]
    public void Missing_FashionMnist_files_name_the_path_and_the_apt_package()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nbdl-no-such-dir-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<FileNotFoundException>(() => Datasets.FashionMnist.Load(train: true, dir: dir));

        Assert.Contains(Path.Combine(dir, "train-images-idx3-ubyte.gz"), e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
        Assert.Equal(Path.Combine(dir, "train-images-idx3-ubyte.gz"), e.FileName);
    }

    [Fact]
    public void FashionMnist_names_the_missing_labels_file_when_only_images_exist()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(Datasets.FashionMnist.PackageDir, "t10k-images-idx3-ubyte.gz"), dir.File("t10k-images-idx3-ubyte.gz"));

        var e = Assert.Throws<FileNotFoundException>(() => Datasets.FashionMnist.Load(train: false, dir: dir.Path));

        Assert.Contains(dir.File("t10k-labels-idx1-ubyte.gz"), e.Message);
    }

    [Fact]
    public void FromFolder_on_a_missing_folder_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nbdl-missing-images-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => ImageDataLoaders.FromFolder(missing));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void FromFolder_without_a_train_subfolder_names_the_expected_folder_and_what_is_there()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("training"));
        Directory.CreateDirectory(dir.File("valid"));

        var e = Assert.Throws<DirectoryNotFoundException>(() => ImageDataLoaders.FromFolder(dir.Path));

        Assert.Contains(dir.File("train"), e.Message);
        Assert.Contains("training", e.Message);
    }

    /// <summary>A user's own pipeline: the Learner takes any IDataLoaders.</summary>
    private sealed class Loaders(IDataLoader dl) : IDataLoaders
    {
        public IDataLoader Train => dl;

        public IDataLoader Valid => dl;

        public IReadOnlyList<string>? Vocab => null;

        public Device Device { get => dl.Device; set => dl.Device = value; }
    }

    /// <summary>A loader (the IDataLoader contract, not TensorRowsDataset which checks lengths) yielding x and y of different batch sizes.</summary>
    private sealed class MismatchedLoader(int xRows, int yRows) : IDataLoader
    {
        public int Count => 1;

        public int Bs => xRows;

        public Device Device { get; set; } = CPU;

        public IEnumerator<Batch> GetEnumerator()
        {
            yield return new Batch(randn(xRows, 2).DetachFromDisposeScope(), zeros(new long[] { yRows }, dtype: int64).DetachFromDisposeScope());
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
