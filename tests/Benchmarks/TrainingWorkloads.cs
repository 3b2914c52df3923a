using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Vision;

namespace NotebookDL.Benchmarks;

/// <summary>
/// The training workloads of bench_torch.py: whole optimizer steps rather than single ops. The CNN runs one real
/// Fashion-MNIST epoch (468 steps of 128 after a warm-up step); the last partial batch is dropped on both sides.
/// </summary>
internal static class TrainingWorkloads
{
    public const int CnnBatch = 128;
    public const int CnnSteps = 60_000 / CnnBatch;

    /// <summary>Fashion-MNIST train images as float (60000, 1, 28, 28) scaled to [0, 1] and normalised, and int64 labels.</summary>
    private static readonly Lazy<(Tensor X, Tensor Y)> FashionMnist = new(() =>
    {
        var (images, labels) = Datasets.FashionMnist.Load(train: true);
        var x = images.to(float32).div(255).unsqueeze(1);
        x = x.sub(x.mean()).div(x.std());
        return (x.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
    });

    /// <summary>The same SimpleCnn as Models.SimpleCnn (the Python side builds it layer by layer too).</summary>
    private static Sequential Cnn()
    {
        manual_seed(0);
        return NotebookDL.Architectures.Models.SimpleCnn();
    }

    /// <summary>A plain loop: per epoch a random permutation; per step index_select, forward, loss, backward, AdamW.</summary>
    public static Action CnnLoop()
    {
        var (x, y) = FashionMnist.Value;
        var model = Cnn();
        model.train();
        var opt = new AdamWOptimizer([new ParameterGroup(model.parameters())], new AdamWOptions { lr = 1e-3 });
        Tensor? perm = null;
        var step = 0;
        return () =>
        {
            using var scope = NewDisposeScope();
            if (step % CnnSteps == 0)
            {
                perm?.Dispose();
                perm = randperm(x.shape[0]).DetachFromDisposeScope();
            }
            var idx = perm!.narrow(0, step % CnnSteps * CnnBatch, CnnBatch);
            step++;
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            loss.backward();
            opt.step();
            opt.zero_grad();
        };
    }

    /// <summary>
    /// The same epoch through Learner.Fit (DataLoaders, the Learner's default AdamW, its default callbacks but
    /// no progress bar), validating on 128 test images only so the figure is the training loop's. One iteration is a
    /// whole epoch; the warm-up epoch runs on 1,280 images before the full loaders are swapped in.
    /// </summary>
    public static Action CnnLearner()
    {
        var (x, y) = FashionMnist.Value;
        var xs = x.narrow(0, 0, CnnSteps * CnnBatch).DetachFromDisposeScope();
        var ys = y.narrow(0, 0, CnnSteps * CnnBatch).DetachFromDisposeScope();
        var (xv, yv) = (x.narrow(0, 0, CnnBatch).DetachFromDisposeScope(), y.narrow(0, 0, CnnBatch).DetachFromDisposeScope());
        var small = DataLoaders.FromTensors(x.narrow(0, 0, 10 * CnnBatch), y.narrow(0, 0, 10 * CnnBatch), xv, yv, bs: CnnBatch);
        var learn = new Learner(small, Cnn(), LossFunction.CrossEntropy, progress: false);
        learn.Fit(1, 1e-3);
        learn.Dls = DataLoaders.FromTensors(xs, ys, xv, yv, bs: CnnBatch);
        return () => learn.Fit(1, 1e-3);
    }

    /// <summary>
    /// AdamW's step alone over the tabular MLP's 6 parameters (gradients set once and kept): the per-parameter
    /// update loop that dominates small steps on both sides.
    /// </summary>
    public static Action AdamWStep()
    {
        manual_seed(0);
        var model = nn.Sequential(nn.Linear(40, 200), nn.ReLU(), nn.Linear(200, 200), nn.ReLU(), nn.Linear(200, 1));
        foreach (var p in model.parameters()) p.grad = randn(p.shape);
        var opt = new AdamWOptimizer([new ParameterGroup(model.parameters())], new AdamWOptions { lr = 1e-6 });
        return opt.step;
    }

    /// <summary>The tabular-sized MLP 40-200-200-1 (ReLU, MSE), batch 64, AdamW: one full training step.</summary>
    public static Action TabularMlpStep()
    {
        manual_seed(0);
        var model = nn.Sequential(nn.Linear(40, 200), nn.ReLU(), nn.Linear(200, 200), nn.ReLU(), nn.Linear(200, 1));
        var x = randn(64, 40);
        var y = randn(64, 1);
        var opt = new AdamWOptimizer([new ParameterGroup(model.parameters())], new AdamWOptions { lr = 1e-3 });
        return () =>
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.mse_loss(model.call(x), y);
            loss.backward();
            opt.step();
            opt.zero_grad();
        };
    }
}
