using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Learning;

namespace NotebookDL.Vision;

/// <summary>fastai's <c>show_results</c> for image classifiers.</summary>
public sealed partial class VisionLearner
{
    /// <summary>
    /// The first <paramref name="maxN"/> validation images captioned "actual / predicted" (a wrong prediction reads as
    /// two different names), as a grid the cell shows when it is the cell's value.
    /// </summary>
    public MimeBundle ShowResults(int maxN = 9)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxN);
        var valid = Dls.Valid;
        var vocab = Dls.Vocab ?? throw new InvalidOperationException("ShowResults needs class names: the data has no vocab.");
        var n = Math.Min(maxN, valid.Dataset.Count);
        var captions = new List<(int, string)>(n);
        var wasTraining = Model.training;
        Model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            for (var i = 0; i < n; i++)
            {
                using var scope = torch.NewDisposeScope();
                using var batch = valid.Item(i);
                var predicted = (long)Model.call(batch.X).argmax(-1).Item();
                var actual = (long)batch.Y.Item();
                captions.Add((i, $"{vocab[(int)actual]} / {vocab[(int)predicted]}"));
            }
        }
        finally
        {
            Model.train(wasTraining);
        }
        return ItemImages.Grid(valid, captions, "Actual / Predicted");
    }
}
