using Microsoft.Data.Analysis;
using NotebookDL.Collab;
using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Tabular;
using NotebookDL.Text;
using NotebookDL.Tests.Vision.Learner;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Learning;

/// <summary>
/// The device flow for every domain: the data decides the device, the Learner moves the model there before the first
/// step, and the step's input and target arrive there. This machine has no GPU, so the second device is "meta"
/// (tensors with shapes and no storage). libtorch 2.x here has no meta kernels for convolution, embedding or
/// index_select, so the probe stops the fit at the first batch, before the forward pass: what it checks is the part
/// that is ours (loaders and Learner), not libtorch's kernels.
/// </summary>
public sealed class DeviceFlowTests
{
    private static readonly Device Meta = new("meta");

    public static TheoryData<string> Domains => ["vision", "tabular", "collab", "language model", "text classifier"];

    [Theory]
    [MemberData(nameof(Domains))]
    public void The_model_and_every_batch_are_on_the_datas_device(string domain)
    {
        using var learn = Build(domain);
        learn.Dls.Device = Meta;
        var probe = new DeviceProbe();
        learn.Fit(1, 1e-3, cbs: [probe]);

        Assert.Equal("meta", learn.ModelDevice.type.ToString().ToLowerInvariant());
        Assert.NotEmpty(probe.Seen);
        Assert.All(probe.Seen, seen => Assert.Equal(DeviceType.META, seen.Device));
        Assert.Equal(["X", "Y", "parameters"], probe.Seen.Select(s => s.What));
    }

    [Fact]
    public void Batches_arrive_on_the_device_set_on_the_loaders()
    {
        var dls = TinyImages.Loaders();
        dls.Device = Meta;
        using var batch = dls.OneBatch();
        Assert.Equal(DeviceType.META, batch.X.device_type);
        Assert.Equal(DeviceType.META, batch.Y.device_type);
        foreach (var b in dls.Valid)
            using (b)
                Assert.Equal(DeviceType.META, b.X.device_type);
    }

    private static Learner Build(string domain)
    {
        switch (domain)
        {
            case "vision":
                return new VisionLearner(TinyImages.Loaders(), nn.Sequential(nn.Conv2d(1, 4, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 2)),
                    optFunc: OptFuncs.SGD, progress: false);
            case "tabular":
                var table = Table();
                var tab = TabularDataLoaders.FromDataFrame(table, [Procs.Categorify, Procs.Normalize], ["shop"], ["size"], ["y"], seed: 0, bs: 8);
                return TabularLearners.TabularLearner(tab, layers: [8], optFunc: OptFuncs.SGD, progress: false);
            case "collab":
                var ratings = Table();
                var collab = CollabDataLoaders.FromDataFrame(ratings, "shop", "size", "y", seed: 0, bs: 8);
                var model = CollabLearners.EmbeddingNN(collab.Users.Count, collab.Items.Count, [4]);
                return new CollabLearner(collab, model, optFunc: OptFuncs.SGD, progress: false);
            case "language model":
                var lm = TextDataLoaders.ForLanguageModel(Sentences(40), Sentences(10), bs: 4, bptt: 8, minFreq: 1, seed: 0);
                return TextLearners.LanguageModelLearner(lm, new AwdLstmConfig(EmbSize: 8, NHidden: 8, NLayers: 1), progress: false);
            default:
                var texts = Sentences(40);
                var labels = texts.Select((_, i) => i % 2 == 0 ? "a" : "b").ToList();
                var cls = TextDataLoaders.ForClassification(texts, labels, texts[..8], labels[..8], bs: 4, minFreq: 1, seed: 0);
                return TextLearners.TextClassifierLearner(cls, config: new AwdLstmConfig(EmbSize: 8, NHidden: 8, NLayers: 1), progress: false);
        }
    }

    private static DataFrame Table()
    {
        var n = 40;
        return new DataFrame(
            new StringDataFrameColumn("shop", Enumerable.Range(0, n).Select(i => $"s{i % 5}")),
            new Int64DataFrameColumn("size", Enumerable.Range(0, n).Select(i => (long)(i % 7))),
            new DoubleDataFrameColumn("y", Enumerable.Range(0, n).Select(i => i * 0.1)));
    }

    private static List<string> Sentences(int n) =>
        Enumerable.Range(0, n).Select(i => string.Join(" ", Enumerable.Range(0, 6).Select(k => $"w{(i + k) % 9}")) + ".").ToList();

    /// <summary>Records where the first training step's input, target and parameters live, then ends the fit.</summary>
    private sealed class DeviceProbe : Callback
    {
        public List<(string What, DeviceType Device)> Seen { get; } = [];

        public override void BeforeBatch()
        {
            Seen.Add(("X", Learn.X!.device_type));
            Seen.Add(("Y", Learn.Y!.device_type));
            Seen.Add(("parameters", Learn.Model.parameters().Select(p => p.device_type).Distinct().Single()));
            throw new CancelFitException();
        }
    }
}
