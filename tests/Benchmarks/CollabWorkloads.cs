using NotebookDL.Collab;
using NotebookDL.Data;
using static NotebookDL.Collab.CollabLearners;

namespace NotebookDL.Benchmarks;

/// <summary>
/// The collaborative-filtering lesson's workload: one training epoch of the dot-product model (50 factors, biases,
/// sigmoid range 0-5.5, AdamW with weight decay 0.1, MSE) on MovieLens' 80,003 training ratings through
/// <c>CollabLearner(...).Fit(1)</c>, vs the same model and a plain loop in PyTorch on the same encoded rows.
/// </summary>
internal static class CollabWorkloads
{
    /// <summary>The lesson's ratings and split; the training rows' codes and ratings also written for Python.</summary>
    public static readonly Lazy<(Microsoft.Data.Analysis.DataFrame Ratings, string Folder)> Data = new(() =>
    {
        var ratings = Csv.Read(RDatasets.MovieLens());
        var dls = Loaders(ratings, 64);
        if (dls.TrainRows.Count != TrainRows) throw new InvalidOperationException($"MovieLens' split has {dls.TrainRows.Count} training ratings, not {TrainRows}.");
        var folder = Directory.CreateTempSubdirectory("nbdl-bench-collab-").FullName;
        var processor = dls.Processor;
        using (var x = processor.EncodeX(ratings, dls.TrainRows)) Float32File.Write(Path.Combine(folder, "x.f32"), x);
        using (var y = processor.EncodeY(ratings, dls.TrainRows)) Float32File.Write(Path.Combine(folder, "y.f32"), y);
        File.WriteAllText(Path.Combine(folder, "shape.txt"), $"{dls.TrainRows.Count} {string.Join(',', processor.Cardinalities)}");
        return (ratings, folder);
    });

    /// <summary>Training ratings (80 % of 100,004): an epoch's items (checked when the data is loaded).</summary>
    public const int TrainRows = 80_003;

    private static CollabDataLoaders Loaders(Microsoft.Data.Analysis.DataFrame ratings, int bs) =>
        CollabDataLoaders.FromDataFrame(ratings, "userId", "movieId", "rating", validPct: 0.2, seed: 42, bs: bs);

    /// <summary>One training epoch (no validation pass) of the dot-product model at batch size <paramref name="bs"/>.</summary>
    public static Action Epoch(int bs)
    {
        var dls = Loaders(Data.Value.Ratings, bs);
        manual_seed(0);
        var learn = CollabLearner(dls, nFactors: 50, yRange: (0, 5.5), progress: false);
        learn.Dls = TrainOnly.Of(dls);
        return () => learn.Fit(1, 5e-3, wd: 0.1);
    }
}
