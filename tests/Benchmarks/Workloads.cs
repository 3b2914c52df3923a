
namespace NotebookDL.Benchmarks;

/// <summary>The C# side of the workloads in bench_torch.py: same shapes, same ops, same order.</summary>
internal static class Workloads
{
    /// <summary>
    /// Every workload: iterations per timed sample, samples (the median is reported), and items per iteration
    /// (images, for the throughput column; 0 when the workload has no items). Training workloads are in TrainingWorkloads.
    /// </summary>
    public static (string Name, Func<Action> Make, int Iterations, int Repeats, int Items)[] All =>
    [
        ("tiny_add", TinyAdd, 100_000, 5, 0),
        ("matmul_512", Matmul512, 50, 5, 0),
        ("mlp_step", MlpStep, 50, 5, 0),
        ("conv2d", Conv2d, 20, 5, 0),
        ("adamw_step", TrainingWorkloads.AdamWStep, 1000, 5, 0),
        ("tab_mlp_step", TrainingWorkloads.TabularMlpStep, 500, 5, 0),
        // One real epoch each, timed once: long enough that a single sample is stable (and 5 would take minutes).
        ("cnn_epoch", TrainingWorkloads.CnnLoop, TrainingWorkloads.CnnSteps, 1, TrainingWorkloads.CnnBatch),
        ("cnn_learner", TrainingWorkloads.CnnLearner, 1, 1, TrainingWorkloads.CnnSteps * TrainingWorkloads.CnnBatch),
        ("load_folder", VisionWorkloads.LoadFolder, 1, 3, VisionWorkloads.LoadImages),
        ("resnet18_step", () => VisionWorkloads.ResNetStep(), VisionWorkloads.ResNetSteps, 1, VisionWorkloads.ResNetBatch),
        ("resnet18_cl", () => VisionWorkloads.ResNetStep(channelsLast: true), VisionWorkloads.ResNetSteps, 1, VisionWorkloads.ResNetBatch),
        ("lstm_step", LanguageModelWorkloads.LstmStep, 20, 3, LanguageModelWorkloads.Seq * LanguageModelWorkloads.Batch),
        ("csv_oj", TabularWorkloads.ReadCsv, 1, 5, TabularWorkloads.SalesRows),
        ("csv_wide", TabularWorkloads.ReadWideCsv, 1, 5, 8190),
        ("tab_epoch_64", () => TabularWorkloads.Epoch(64), 1, 3, TabularWorkloads.TrainRows),
        ("tab_epoch_512", () => TabularWorkloads.Epoch(512), 1, 3, TabularWorkloads.TrainRows),
        ("collab_epoch_64", () => CollabWorkloads.Epoch(64), 1, 3, CollabWorkloads.TrainRows),
        ("collab_epoch_1024", () => CollabWorkloads.Epoch(1024), 1, 3, CollabWorkloads.TrainRows),
        ("awd_lm_step", TextWorkloads.AwdLmStep, 5, 3, TextWorkloads.Seq * TextWorkloads.Batch),
        ("tokenize_reviews", TextWorkloads.TokenizeReviews, 1, 5, TextWorkloads.Reviews),
    ];

    /// <summary>Per-op overhead: a 1-element add, result disposed at once (Python frees it by refcount).</summary>
    private static Action TinyAdd()
    {
        var a = ones(1);
        var b = ones(1);
        return () =>
        {
            using var c = a + b;
        };
    }

    private static Action Matmul512()
    {
        manual_seed(0);
        var a = randn(512, 512);
        var b = randn(512, 512);
        return () =>
        {
            using var c = a.matmul(b);
        };
    }

    /// <summary>One 3x3 convolution as in ResNet-18's layer2 on a 128-image batch of 28x28 inputs.</summary>
    private static Action Conv2d()
    {
        manual_seed(0);
        var x = randn(128, 64, 14, 14);
        var w = randn(64, 64, 3, 3);
        return () =>
        {
            using var y = nn.functional.conv2d(x, w, padding: [1, 1]);
        };
    }

    /// <summary>3-layer MLP (784-256-128-10) forward + cross-entropy + backward on a 256x784 batch.</summary>
    private static Action MlpStep()
    {
        manual_seed(0);
        var x = randn(256, 784);
        var y = randint(0, 10, new long[] { 256, 1 });
        var parameters = new List<Tensor>();
        foreach (var (fanIn, fanOut) in new[] { (784, 256), (256, 128), (128, 10) })
        {
            parameters.Add((randn(fanOut, fanIn) * 0.05).requires_grad_());
            parameters.Add(zeros(fanOut).requires_grad_());
        }
        return () =>
        {
            using var scope = NewDisposeScope();
            var h = (x.matmul(parameters[0].t()) + parameters[1]).relu();
            h = (h.matmul(parameters[2].t()) + parameters[3]).relu();
            var logits = h.matmul(parameters[4].t()) + parameters[5];
            var loss = -logits.log_softmax(1).gather(1, y).mean();
            loss.backward();
            foreach (var p in parameters) p.grad = null;
        };
    }
}
