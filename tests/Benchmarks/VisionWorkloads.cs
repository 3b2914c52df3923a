using NotebookDL.Architectures;
using NotebookDL.Vision;

namespace NotebookDL.Benchmarks;

/// <summary>
/// The vision workloads of bench_torch.py: reading the Fashion-MNIST PNG tree (decode + Resize(32) + batch) against
/// torchvision's ImageFolder + DataLoader(num_workers=2), and ResNet-18 training steps at 32x32 against torchvision's
/// resnet18 with a 1-channel stem.
/// </summary>
internal static class VisionWorkloads
{
    public const int LoadImages = 10_000;
    public const int ResNetBatch = 128;
    public const int ResNetSteps = 50;

    /// <summary>The PNG tree (created once by Datasets.FashionMnist.AsImageFolder); Python reads the same files.</summary>
    public static readonly Lazy<string> Folder = new(() => Datasets.FashionMnist.AsImageFolder());

    /// <summary>One pass over the 10,000 test PNGs: decode, Resize(32), collate into batches of 128 (2 workers).</summary>
    public static Action LoadFolder()
    {
        var dls = ImageDataLoaders.FromFolder(Folder.Value, valid: "test", itemTfms: [new Resize(32)], bs: 128, seed: 0, numWorkers: 2);
        return () =>
        {
            foreach (var batch in dls.Valid) batch.Dispose();
        };
    }

    /// <summary>
    /// ResNet-18 (1-channel stem, 10 classes) training steps on 128 random 32x32 images: forward, loss, backward, AdamW;
    /// with <paramref name="channelsLast"/> the weights are stored channels-last, as VisionLearner does by default.
    /// </summary>
    public static Action ResNetStep(bool channelsLast = false)
    {
        manual_seed(0);
        var model = NotebookDL.Architectures.Models.ResNet18(numClasses: 10, inChannels: 1);
        if (channelsLast) model.ToChannelsLast();
        model.train();
        var opt = new AdamWOptimizer([new ParameterGroup(model.parameters())], new AdamWOptions { lr = 1e-3 });
        var x = randn(ResNetBatch, 1, 32, 32).DetachFromDisposeScope();
        var y = randint(0, 10, [ResNetBatch]).DetachFromDisposeScope();
        return () =>
        {
            using (NewDisposeScope())
            {
                var loss = nn.functional.cross_entropy(model.call(x), y);
                loss.backward();
                opt.step();
                opt.zero_grad();
            }
            NotebookDL.Engine.ScalarSweep.AfterBatch();   // as the Learner does after every batch
        };
    }
}
