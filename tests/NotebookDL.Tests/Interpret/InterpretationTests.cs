using System.Text.RegularExpressions;
using NotebookDL.Data;
using NotebookDL.Display.Plotting;
using NotebookDL.Learning;
using NotebookDL.Tests.Vision.Learner;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Interpret;

using M = NotebookDL.Architectures.Models;

public sealed class InterpretationTests
{
    private static readonly string[] Vocab = ["ant", "bee", "cat"];

    /// <summary>
    /// Eight items. Targets and predictions are chosen so that the counts are known: ant->ant x2, ant->bee x1,
    /// bee->bee x1, bee->cat x2, cat->cat x1, cat->ant x1. Losses are those of the probabilities (-log p[target]).
    /// </summary>
    private static ClassificationInterpretation Constructed(NotebookDL.Data.BatchLoader? items = null)
    {
        double[][] probs =
        [
            [0.9, 0.05, 0.05], // ant -> ant (sure)
            [0.6, 0.3, 0.1],   // ant -> ant
            [0.2, 0.7, 0.1],   // ant -> bee
            [0.1, 0.8, 0.1],   // bee -> bee
            [0.1, 0.45, 0.45 + 1e-9], // bee -> cat (a near tie: most uncertain)
            [0.05, 0.15, 0.8], // bee -> cat
            [0.1, 0.1, 0.8],   // cat -> cat
            [0.5, 0.2, 0.3],   // cat -> ant
        ];
        long[] targets = [0, 0, 0, 1, 1, 1, 2, 2];
        var losses = probs.Select((p, i) => -Math.Log(p[targets[i]])).ToArray();
        return new ClassificationInterpretation(probs, targets, losses, Vocab, items);
    }

    [Fact]
    public void ConfusionMatrixCountsActualAgainstPredicted()
    {
        var cm = Constructed().ConfusionMatrix();
        long[,] expected = { { 2, 1, 0 }, { 0, 1, 2 }, { 1, 0, 1 } };
        Assert.Equal(expected, cm.Counts);
        Assert.Equal(Vocab, cm.Classes);
        Assert.Equal(4.0 / 8, cm.Accuracy);
    }

    [Fact]
    public void MostConfusedIsSortedByCountAndFiltered()
    {
        var interp = Constructed();
        Assert.Equal([new Confusion("bee", "cat", 2), new Confusion("ant", "bee", 1), new Confusion("cat", "ant", 1)], interp.MostConfused());
        Assert.Equal([new Confusion("bee", "cat", 2)], interp.MostConfused(minVal: 2));
    }

    [Fact]
    public void TopLossesAreTheHighestFirst()
    {
        var (losses, indices) = Constructed().TopLosses(3);
        // p[target]: item 5 has 0.15, item 2 has 0.2, item 7 has 0.3.
        Assert.Equal([5, 2, 7], indices);
        Assert.Equal(-Math.Log(0.15), losses[0], 12);
        Assert.True(losses[0] >= losses[1] && losses[1] >= losses[2]);
    }

    [Fact]
    public void PerClassViewsPickTheCoursesItems()
    {
        var interp = Constructed();
        Assert.Equal([0, 1], interp.MostCorrect("ant").Select(i => i.Index));
        // Wrong bees, lowest probability for "bee" first.
        Assert.Equal([5, 4], interp.MostIncorrect("bee").Select(i => i.Index));
        Assert.Equal(4, interp.MostUncertain(1).Single().Index);
        Assert.Equal(7, interp.MostUncertain(1, cls: "cat").Single().Index);
        var item = interp.Describe(2);
        Assert.Equal(("ant", "bee", 0.2), (item.Actual, item.Predicted, Math.Round(item.Probability, 6)));
        Assert.Throws<ArgumentException>(() => interp.MostCorrect("dog"));
    }

    [Fact]
    public void ConfusionPlotIsAHeatmapWithACountInEveryCell()
    {
        var figure = Constructed().PlotConfusionMatrix();
        var heatmap = Assert.IsType<Heatmap>(Assert.Single(figure.Data));
        Assert.Equal((3, 3), (heatmap.Rows, heatmap.Columns));
        Assert.Equal(["2", "1", "0"], heatmap.Text![0]);
        Assert.Equal(Vocab, heatmap.X);
        Assert.True(figure.Layout.YAxis.Reversed); // first class on top
        Assert.Contains("<svg", figure.ToSvg());
    }

    [Fact]
    public void TopLossesPlotShowsOneCaptionedImagePerItem()
    {
        var dls = TinyImages.Loaders(nValid: 8);
        var interp = Constructed(dls.Valid);
        var bundle = interp.PlotTopLosses(5);
        var html = (string)bundle.Data[NotebookDL.Display.MimeBundle.TextHtml];
        Assert.Equal(5, Regex.Matches(html, "<figure").Count);
        Assert.Contains("cat/bee", html); // item 5: predicted cat, actual bee
        Assert.True(bundle.Data.ContainsKey("image/png"));
    }

    [Fact]
    public void WithoutImagesTheViewsFallBackToCaptions()
    {
        var bundle = Constructed().PlotTopLosses(3);
        Assert.False(bundle.Data.ContainsKey("image/png"));
        Assert.Equal(4, ((string)bundle.Data["text/plain"]).Split('\n').Length);
    }

    [Fact]
    public void FromLearnerAgreesWithValidate()
    {
        manual_seed(0);
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, metrics: [Metrics.Accuracy], progress: false);
        learn.Fit(1, 1e-3);
        var interp = ClassificationInterpretation.FromLearner(learn);
        Assert.Equal(32, interp.Count);
        Assert.Equal(TinyImages.Accuracy(learn), interp.ConfusionMatrix().Accuracy, 6);
        Assert.Equal(learn.Validate().Loss, interp.Losses.Average(), 4);
        var shown = learn.ShowResults(4);
        Assert.Equal(4, Regex.Matches((string)shown.Data["text/html"], "<figure").Count);
    }

    [Fact]
    public void ShowResults_takes_its_pictures_across_the_classes_of_a_sorted_validation_set()
    {
        torch.manual_seed(0);
        var x = torch.rand(30, 1, 12, 12);
        var sorted = torch.tensor(Enumerable.Range(0, 30).Select(i => (long)(i / 10)).ToArray());
        var dls = ImageDataLoaders.FromTensors(x, sorted, x, sorted, ["ant", "bee", "cat"], bs: 10, seed: 0);
        using var learn = Learners.VisionLearner(dls, M.ResNet18, progress: false);

        var captions = ((string)learn.ShowResults(6).Data["text/plain"]).Split('\n').Skip(1).ToList();

        // Items 0, 10, 20, 1, 11, 21: each class in turn, not the first six ants.
        Assert.Equal(["#0", "#10", "#20", "#1", "#11", "#21"], captions.Select(c => c.Split(':')[0]));
        Assert.Equal(["ant", "bee", "cat", "ant", "bee", "cat"], captions.Select(c => c.Split(": ")[1].Split(" / ")[0]));
    }
}
