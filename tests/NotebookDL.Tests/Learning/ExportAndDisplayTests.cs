using System.Text.Json.Nodes;
using NotebookDL.Display;
using NotebookDL.Learning;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

[Collection(nameof(ProcessMemoryCollection))]
public class ExportAndDisplayTests
{
    static ExportAndDisplayTests() => ModelRegistry.Register("test-mlp", args =>
    {
        var hidden = (int)args["hidden"]!;
        return nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, 2));
    });

    [Fact]
    public void Export_then_Load_predicts_the_same()
    {
        var model = ModelRegistry.Create("test-mlp", new JsonObject { ["hidden"] = 8 });
        var learn = new Learner(Separable(), model, LossFunction.CrossEntropy, progress: false)
        {
            ItemTransform = new NormalizeItem([0.1, -0.1], [1.5, 2.0]),
        };
        learn.FitOneCycle(3, 1e-2);
        var path = Path.Combine(Path.GetTempPath(), $"learner-{Guid.NewGuid():N}.nbdl");
        try
        {
            learn.Export(path);
            var loaded = Learner.Load(path);
            foreach (var item in new[] { new[] { 1.2f, 0.4f }, new[] { -0.3f, -1.1f }, new[] { 0.2f, 0.1f } })
            {
                var expected = learn.Predict(tensor(item));
                var actual = loaded.Predict(tensor(item));
                Assert.Equal(expected.Label, actual.Label);
                Assert.Equal(expected.Output, actual.Output);
            }
            Assert.Equal(["neg", "pos"], loaded.Dls.Vocab);
            Assert.IsType<NormalizeItem>(loaded.ItemTransform);
            // The weights inside are PyTorch's format: torch.load reads them back.
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            Assert.NotNull(zip.GetEntry("model.pt"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Export_explains_when_the_model_cannot_be_rebuilt()
    {
        var learn = MakeLearner();
        var e = Assert.Throws<InvalidOperationException>(() => learn.Export(Path.GetTempFileName()));
        Assert.Contains("ModelRegistry", e.Message);
    }

    [Fact]
    public void Summary_lists_layers_with_output_shapes_and_trainability()
    {
        var model = Mlp(hidden: 16, batchNorm: true);
        var learn = MakeLearner(model: model, splitter: Splitters.ByModules(m => [[model.At(0)], [model.At(1), model.At(3)]]));
        learn.Freeze();
        var summary = learn.Summary();
        Assert.Equal(4, summary.Layers.Count);
        Assert.Equal([32L, 16], summary.Layers[0].OutputShape);
        Assert.Equal([32L, 2], summary.Layers[3].OutputShape);
        Assert.Equal(2 * 16 + 16, summary.Layers[0].Params);
        Assert.False(summary.Layers[0].Trainable);
        Assert.True(summary.Layers[1].Trainable);
        Assert.Equal(48 + 32 + 34, summary.TotalParams);
        Assert.Equal(32 + 34, summary.TrainableParams);
        var bundle = Formatter.Format(summary);
        Assert.Contains("<table>", bundle.Data[MimeBundle.TextHtml]);
        Assert.Contains("Output Shape", bundle.Data[MimeBundle.TextHtml]);
        // The optimizer the Learner will use, by its own name (fastai's summary creates it too).
        Assert.Equal("AdamW", summary.Optimizer);
        Assert.Contains("optimizer: AdamW", bundle.Data[MimeBundle.TextHtml]);
    }

    [Fact]
    public void Recorder_plots_are_figures_of_the_recorded_values()
    {
        var learn = MakeLearner(metrics: [Metrics.Accuracy, Metrics.ErrorRate]);
        learn.Fit(2, 1e-2);
        var loss = learn.Recorder.PlotLoss(skipStart: 0);
        Assert.Equal(2, loss.Data.Count);
        Assert.Equal(learn.Recorder.Losses, ((NotebookDL.Display.Plotting.Scatter)loss.Data[0]).Y);
        var lr = learn.Recorder.PlotLr();
        Assert.Equal(learn.Recorder.Lrs, ((NotebookDL.Display.Plotting.Scatter)lr.Data[0]).Y);
        var metrics = learn.Recorder.PlotMetrics();
        Assert.Equal(["accuracy", "error_rate"], metrics.Data.Select(d => d.Name));
        Assert.Contains("<svg", loss.ToSvg());
    }

    [Fact]
    public void ProgressCallback_prints_the_epoch_table_without_a_notebook()
    {
        var output = new StringWriter();
        var learn = new Learner(Separable(), Mlp(), LossFunction.CrossEntropy, metrics: [Metrics.Accuracy], progress: false,
            cbs: [new ProgressCallback(new ProgressOptions { ConsoleOut = output })]);
        using (DisplayContext.Use(null)) learn.Fit(2, 1e-2);
        var text = output.ToString();
        Assert.Contains("epoch  train_loss  valid_loss  accuracy  time", text);
        Assert.Contains("100%", text);
        var display = learn.GetCallback<ProgressCallback>()!.Display!;
        Assert.Equal(2, display.Rows.Count);
        Assert.True(display.IsCompleted);
    }

    [Fact]
    public void Memory_stays_flat_over_200_training_batches()
    {
        var dls = Separable(nTrain: 200 * 16, nValid: 16, bs: 16);
        var learn = MakeLearner(dls: dls, model: Mlp(hidden: 64, batchNorm: true));
        learn.Fit(1, 1e-3); // warm-up: allocator pools, JIT, optimizer state
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ProcessMemory.ResidentBytes();
        learn.Fit(1, 1e-3);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var after = ProcessMemory.ResidentBytes();
        Assert.Equal(200, learn.Recorder.Losses.Count);
        var growthMb = (after - before) / (1024.0 * 1024);
        Assert.True(growthMb < 20, $"RSS grew by {growthMb:F1} MB over 200 batches");
    }
}
