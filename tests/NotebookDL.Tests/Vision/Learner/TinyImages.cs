using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision.Learner;

using M = NotebookDL.Architectures.Models;

/// <summary>
/// Tiny gray images for learner tests: class "a_dark" is noise around 0.3, class "b_bright" noise around 0.7, so a
/// head on any body separates them. 16x16 pixels keep a ResNet-18 step in the milliseconds.
/// </summary>
internal static class TinyImages
{
    public static readonly string[] Classes = ["a_dark", "b_bright"];

    public static DataLoaders Loaders(int nTrain = 64, int nValid = 32, int size = 16, int bs = 16, IEnumerable<IBatchTransform>? batchTfms = null, int seed = 0)
    {
        var (xt, yt) = Make(nTrain, size, seed);
        var (xv, yv) = Make(nValid, size, seed + 1);
        var tfms = batchTfms?.ToList() ?? [];
        var train = new BatchLoader(new TensorRowsDataset(xt, yt), bs, shuffle: true, dropLast: true, numWorkers: 0, seed: seed, batchTfms: tfms);
        var valid = new BatchLoader(new TensorRowsDataset(xv, yv), bs, shuffle: false, dropLast: false, numWorkers: 0, seed: seed, batchTfms: tfms, training: false);
        return new DataLoaders(train, valid, new Vocab(Classes));
    }

    /// <summary>n images (n, 1, size, size) in [0, 1], alternating classes, and their labels.</summary>
    public static (Tensor X, Tensor Y) Make(int n, int size, int seed)
    {
        var generator = new Random(seed);
        var pixels = new float[n * size * size];
        var labels = new long[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            var mean = labels[i] == 0 ? 0.3 : 0.7;
            for (var p = 0; p < size * size; p++) pixels[i * size * size + p] = (float)Math.Clamp(mean + (generator.NextDouble() - 0.5) * 0.4, 0, 1);
        }
        return (torch.tensor(pixels, new long[] { n, 1, size, size }).DetachFromDisposeScope(), torch.tensor(labels).DetachFromDisposeScope());
    }

    /// <summary>
    /// A file holding the state dict of a 1-channel ResNet-18 vision model with <paramref name="nOut"/> outputs, a
    /// stand-in for trained weights: random convolutions, but batch-norm statistics that match tiny images (as
    /// training would leave them), so the body behaves the same in train and eval mode.
    /// </summary>
    public static string SavedVisionModel(string dir, long nOut = 5, int seed = 1)
    {
        manual_seed(seed);
        using var model = M.VisionModel(M.ResNet18, nOut, nIn: 1);
        var (x, _) = Make(64, 16, seed + 100);
        using (no_grad())
            for (var i = 0; i < 40; i++)
            {
                using var scope = NewDisposeScope();
                model.call(x);
            }
        var path = Path.Combine(dir, "source.pth");
        PyTorchFiles.Save(model.state_dict(), path);
        return path;
    }

    /// <summary>The body (child "0") of a VisionLearner's model.</summary>
    public static Sequential Body(NotebookDL.Learning.Learner learn) => ((NotebookDL.Architectures.BodyHeadModel)learn.Model).Body;

    public static double Accuracy(NotebookDL.Learning.Learner learn)
    {
        var result = learn.Validate();
        return result.Metrics["accuracy"];
    }

    /// <summary>Element-wise |a - b| &lt;= tolerance everywhere.</summary>
    public static bool Close(Tensor a, Tensor b, double tolerance = 1e-6)
    {
        using var diff = (a.to(float64) - b.to(float64)).abs().max();
        return diff.ToDouble() <= tolerance;
    }
}
