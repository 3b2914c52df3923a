using System.Reflection;
using NotebookDL.Display;
using NotebookDL.Learning;
using NotebookDL.Tests.Vision.Learner;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Api;

using M = NotebookDL.Architectures.Models;

/// <summary>
/// The display rule (docs/architecture.md): Show*/Plot* verbs return what they draw and never display it themselves,
/// so a cell ending with one shows it once and <c>Display(x)</c> shows it anywhere else.
/// </summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public class DisplayRuleTests
{
    [Fact]
    public void Every_public_Show_and_Plot_verb_returns_its_picture_and_takes_no_display_flag()
    {
        var verbs = new[] { typeof(Learner).Assembly, typeof(MimeBundle).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && (m.Name.StartsWith("Show", StringComparison.Ordinal) || m.Name.StartsWith("Plot", StringComparison.Ordinal)))
            .ToList();
        Assert.True(verbs.Count >= 15, $"found only {verbs.Count} verbs: the probe is broken");

        var wrong = verbs.Where(m => m.ReturnType == typeof(void) || m.GetParameters().Any(p => p.Name == "display"))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.True(wrong.Count == 0, "Verbs that break the rule: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Vision_show_and_plot_verbs_display_nothing_by_themselves()
    {
        torch.manual_seed(0);
        var dls = TinyImages.Loaders();
        using var learn = Learners.VisionLearner(dls, M.ResNet18, metrics: [Metrics.Accuracy], progress: false);
        learn.Fit(1, 1e-3);
        var interp = ClassificationInterpretation.FromLearner(learn);
        var publisher = new ThreadPublisher();

        object[] pictures;
        using (DisplayContext.Use(publisher))
        {
            pictures =
            [
                dls.ShowBatch(4), learn.ShowResults(4), interp.PlotConfusionMatrix(), interp.PlotTopLosses(3),
                interp.ShowItems(interp.MostUncertain(2)), learn.Recorder.PlotLoss(skipStart: 0), learn.ShowGradCams([0, 1]),
            ];
        }

        Assert.Empty(publisher.Published);
        // Each is a picture (HTML, SVG or Plotly beside its text), ready for the cell or Display(x) to show.
        Assert.All(pictures, p => Assert.Contains(Formatter.Format(p).Data.Keys, k => k != MimeBundle.TextPlain));
    }
}
