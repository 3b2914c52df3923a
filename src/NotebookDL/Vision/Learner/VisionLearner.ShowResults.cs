using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Learning;

namespace NotebookDL.Vision;

/// <summary>fastai's <c>show_results</c> for image classifiers.</summary>
public sealed partial class VisionLearner
{
    /// <summary>
    /// Up to <paramref name="maxN"/> validation images captioned "actual / predicted" (a wrong prediction reads as two
    /// different names), as a grid the cell shows when it is the cell's value. The images are taken across the classes
    /// in turn (the first of each class, then the second, ...), so a validation set sorted by class does not show nine
    /// pictures of its first class.
    /// </summary>
    public MimeBundle ShowResults(int maxN = 9)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxN);
        var valid = Dls.Valid;
        var vocab = Dls.Vocab ?? throw new InvalidOperationException("ShowResults needs class names: the data has no vocab.");
        var chosen = AcrossClasses(valid.Dataset, maxN);
        var captions = new List<(int, string)>(chosen.Count);
        var wasTraining = Model.training;
        Model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            foreach (var i in chosen)
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

    /// <summary>Item indices taking each class's items in order, one class after another, until <paramref name="n"/> are chosen.</summary>
    internal static List<int> AcrossClasses(IDataset items, int n)
    {
        var byClass = Enumerable.Range(0, items.Count).GroupBy(items.LabelOf).OrderBy(g => g.Key).Select(g => new Queue<int>(g)).ToList();
        var chosen = new List<int>(Math.Min(n, items.Count));
        while (chosen.Count < n && byClass.Any(q => q.Count > 0))
            foreach (var queue in byClass.Where(q => q.Count > 0))
            {
                if (chosen.Count == n) break;
                chosen.Add(queue.Dequeue());
            }
        return chosen;
    }
}
