using NotebookDL.Inspect;
using NotebookDL.Learning;
using NotebookDL.Data;
using NotebookDL.Tests.Learning;

namespace NotebookDL.Tests.Inspect;

public sealed class ActivationStatsTests
{
    [Fact]
    public void Records_each_layers_mean_std_and_near_zero_fraction_per_training_batch()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = LearningFixtures.Points(64, seed: 3);
        var dls = new DataLoaders(new BatchLoader(new TensorRowsDataset(x, y), 64, numWorkers: 0), new BatchLoader(new TensorRowsDataset(x, y), 32, numWorkers: 0));
        var model = LearningFixtures.Mlp(hidden: 16);
        var learn = new Learner(dls, model, LossFunction.CrossEntropy, progress: false);
        var stats = new ActivationStats();
        var first = (Linear)model.modules().First(m => m.parameters(recurse: false).Any());
        // The first batch ran through the weights as they are now (one batch per epoch, the whole set).
        var expected = nn.functional.linear(x, first.weight!.detach().clone(), first.bias!.detach().clone());
        learn.Fit(2, 1e-3, cbs: [stats]);
        Assert.Equal(model.named_modules().Count(m => m.module.parameters(recurse: false).Any()), stats.LayerNames.Count);
        Assert.All(stats.Stats, s => Assert.Equal(2, s.Count)); // 2 epochs of one training batch; validation not recorded
        var output = expected;
        var recorded = stats.Stats[0][0];
        Assert.Equal(output.mean().item<float>(), recorded.Mean, 5);
        Assert.Equal(output.std().item<float>(), recorded.Std, 5);
        Assert.Equal(output.abs().lt(0.05).to(ScalarType.Float32).mean().item<float>(), recorded.NearZero, 5);
        var figure = stats.Plot("std");
        Assert.Equal(stats.LayerNames.Count, figure.Data.Count);
        Assert.Equal(stats.LayerNames.Select(n => $"{n} Linear"), figure.Data.Select(t => t.Name));
        Assert.Equal("with skips", stats.Plot("mean", title: "with skips").Layout.Title);
        Assert.Throws<ArgumentException>(() => stats.Plot("median"));
        // The hooks are gone after the fit: a forward pass now records nothing.
        model.call(x);
        Assert.All(stats.Stats, s => Assert.Equal(2, s.Count));
    }

    [Fact]
    public void Past_ten_layers_the_lines_differ_by_dash_as_well_as_colour()
    {
        var model = nn.Sequential(Enumerable.Range(0, 12).Select(i => (nn.Module<Tensor, Tensor>)nn.Linear(2, 2)).Append(nn.Linear(2, 2)).ToArray());
        var (x, y) = LearningFixtures.Points(16, seed: 1);
        var dls = new DataLoaders(new BatchLoader(new TensorRowsDataset(x, y), 16, numWorkers: 0), new BatchLoader(new TensorRowsDataset(x, y), 16, numWorkers: 0));
        var stats = new ActivationStats();
        new Learner(dls, model, LossFunction.CrossEntropy, progress: false).Fit(1, 1e-3, cbs: [stats]);
        var lines = stats.Plot().Data.Cast<NotebookDL.Display.Plotting.Scatter>().ToList();
        Assert.Equal(13, lines.Count);
        Assert.Equal(13, lines.Select(l => (l.Color, l.Dash)).Distinct().Count());
    }
}
