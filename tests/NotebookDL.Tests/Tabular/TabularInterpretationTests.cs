using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Tests;
using static NotebookDL.Tabular.TabularLearners;

namespace NotebookDL.Tabular.Tests;

/// <summary>Permutation importance and embedding projections on data whose answer is known.</summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class TabularInterpretationTests
{
    // y = 5·signal + 2 for group g3; noise carries nothing. Shuffling signal costs about 2·var(5U) = 4.2 in MSE, the
    // group about 2·(1/4)(3/4)·2² = 1.5, noise nothing.
    private static Microsoft.Data.Analysis.DataFrame Data()
    {
        var csv = new System.Text.StringBuilder("group,signal,noise,y\n");
        var random = new Random(1);
        for (var i = 0; i < 600; i++)
        {
            var group = i % 4;
            var signal = random.NextDouble();
            csv.Append(System.FormattableString.Invariant($"g{group},{signal},{random.NextDouble()},{5 * signal + (group == 3 ? 2 : 0)}\n"));
        }
        return Csv.ReadText(csv.ToString());
    }

    [Fact]
    public void The_column_the_target_depends_on_matters_most_and_noise_least()
    {
        var df = Data();
        var dls = TabularDataLoaders.FromDataFrame(df, [Procs.Categorify, Procs.Normalize], ["group"], ["signal", "noise"], ["y"], validPct: 0.25, bs: 32);
        torch.manual_seed(0);
        var learn = TabularLearner(dls, layers: [32], progress: false);
        learn.FitOneCycle(8, 1e-2);
        var importance = learn.PermutationImportance(df, dls.ValidRows);
        Assert.Equal(["signal", "group", "noise"], importance.Select(i => i.Column));
        Assert.True(importance[^1].Importance < 0.1 * importance[0].Importance, $"noise: {importance[^1].Importance}, signal: {importance[0].Importance}");
        Assert.Equal(3, importance.Plot().Data[0] is Display.Plotting.Bar bar ? bar.X.Count : 0);

        // The group with the offset stands apart from the three alike ones along the first component.
        var figure = learn.EmbeddingPca("group");
        var pc1 = ((Display.Plotting.Scatter)figure.Data[0]).X;
        var apart = pc1.Select((x, i) => (x, i)).OrderByDescending(p => Math.Abs(p.x - pc1.Where((_, j) => j != p.i).Average())).First().i;
        Assert.Equal(3, apart); // classes: #na#, g0, g1, g2, g3 -> index 3 of the projected g0..g3
        // The apart group is the farthest from the centre, so it is labelled first; alike groups may share a spot.
        var texts = figure.Layout.Annotations.Select(a => a.Text).ToList();
        Assert.Contains("g3", texts);
        Assert.Subset(new HashSet<string> { "g0", "g1", "g2", "g3" }, texts.ToHashSet());
    }

    [Fact]
    public void Transpose_puts_columns_down_the_side()
    {
        var t = Csv.ReadText("a,b\n1,x\n2,\n").Transpose();
        Assert.Equal(["column", "0", "1"], t.Columns.Select(c => c.Name));
        Assert.Equal(["a", "b"], t["column"].Cast<string>());
        Assert.Equal(["2", "NA"], t["1"].Cast<string>());
    }
}
