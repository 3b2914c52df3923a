using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Learning;
using NotebookDL.Tests;
using NotebookDL.Tabular.Tests;
using static NotebookDL.Collab.CollabLearners;
using static NotebookDL.Tabular.TabularLearners;

namespace NotebookDL.Collab.Tests;

/// <summary>CollabDataLoaders + CollabLearner on real ratings and on bad input.</summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class CollabLearnerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Global mean + user and movie biases by least squares (alternating exact updates until they settle), on the same
    // training rows, as the issue asks: the baseline the factors must beat. Ids unseen in training get bias 0.
    private const string BiasesBaseline = """
        import json, sys, numpy as np, pandas as pd
        df = pd.read_csv(sys.argv[1]); valid = np.array(json.loads(sys.argv[2]))
        mask = np.zeros(len(df), bool); mask[valid] = True
        tr, va = df[~mask], df[mask]
        mu = tr.rating.mean(); bu = pd.Series(0.0, index=tr.userId.unique()); bi = pd.Series(0.0, index=tr.movieId.unique())
        for _ in range(20):
            r = tr.rating - mu - bu.reindex(tr.userId).values
            bi = r.groupby(tr.movieId).mean()
            r = tr.rating - mu - bi.reindex(tr.movieId).values
            bu = r.groupby(tr.userId).mean()
        p = mu + bu.reindex(va.userId).fillna(0).values + bi.reindex(va.movieId).fillna(0).values
        print(json.dumps({"rmse": float(np.sqrt(np.mean((np.clip(p, 0.5, 5) - va.rating.values) ** 2)))}))
        """;

    [Fact]
    public void MovieLens_factors_beat_the_biases_baseline_and_0_90_rmse()
    {
        var path = RDatasets.MovieLens();
        var ratings = Csv.Read(path);
        var dls = CollabDataLoaders.FromDataFrame(ratings, "userId", "movieId", "rating", validPct: 0.2, seed: 42, bs: 64);
        Assert.Equal(20000, dls.ValidRows.Count);   // fastai's rule: int(0.2 * 100,004)
        torch.manual_seed(0);
        var learn = CollabLearner(dls, nFactors: 50, yRange: (0, 5.5), progress: false);
        learn.FitOneCycle(5, 5e-3, wd: 0.1);
        var rmse = learn.Recorder.Values[^1][2];
        var baseline = PandasFrames.Run(BiasesBaseline, path, System.Text.Json.JsonSerializer.Serialize(dls.ValidRows)).GetProperty("rmse").GetDouble();
        output.WriteLine($"valid RMSE {rmse:F4}, biases baseline {baseline:F4}");
        Assert.True(rmse <= 0.90, $"valid RMSE {rmse:F4} (biases baseline {baseline:F4})");
        Assert.True(rmse < baseline, $"valid RMSE {rmse:F4} is not below the biases baseline's {baseline:F4}");
    }

    private static DataFrame Small() => Csv.ReadText("user,item,rating\nu1,a,5\nu1,b,3\nu2,a,4\nu2,c,1\nu3,b,2\nu3,c,2\nu4,a,5\nu4,b,4\n");

    [Fact]
    public void Missing_columns_non_numeric_ratings_and_empty_tables_are_named()
    {
        var missing = Assert.Throws<ArgumentException>(() => CollabDataLoaders.FromDataFrame(Small(), "user", "movie", "rating"));
        Assert.Contains("\"movie\"", missing.Message);
        var text = Csv.ReadText("user,item,rating\nu1,a,good\nu2,b,bad\n");
        var nonNumeric = Assert.Throws<ArgumentException>(() => CollabDataLoaders.FromDataFrame(text));
        Assert.Contains("\"rating\"", nonNumeric.Message);
        var empty = Csv.ReadText("user,item,rating\n");
        Assert.Throws<ArgumentException>(() => CollabDataLoaders.FromDataFrame(empty));
    }

    [Fact]
    public void A_user_seen_only_in_validation_gets_the_na_embedding_and_predictions_stay_finite()
    {
        var dls = CollabDataLoaders.FromDataFrame(Small(), validPct: 0.25, seed: 1, bs: 4);
        var learn = CollabLearner(dls, nFactors: 3, yRange: (0, 5.5), progress: false);
        learn.Fit(1, 1e-2);
        var fresh = Csv.ReadText("user,item,rating\nnobody,a,3\nu1,zzz,3\n");
        using var x = dls.Processor.EncodeX(fresh);
        Assert.Equal(0f, x[0, 0].item<float>());
        Assert.Equal(0f, x[1, 1].item<float>());
        var predicted = learn.Predict(fresh).Column("rating_pred").ToDoubles();
        Assert.All(predicted, p => Assert.InRange(p, 0, 5.5));
        Assert.Equal(learn.Bias(["never-seen"])[0], learn.Bias(["#na#"])[0]);
    }

    [Fact]
    public void Recommendations_leave_out_rated_items_and_nearest_excludes_the_item_itself()
    {
        var dls = CollabDataLoaders.FromDataFrame(Small(), validPct: 0.25, seed: 1, bs: 4);
        var learn = CollabLearner(dls, nFactors: 3, progress: false);
        learn.Fit(2, 1e-2);
        var recommended = learn.Recommend("u1", n: 5, rated: Small());
        Assert.DoesNotContain("a", recommended.Column("item").Cast<string>());
        Assert.DoesNotContain("b", recommended.Column("item").Cast<string>());
        var nearest = learn.Nearest("a", n: 5);
        Assert.DoesNotContain(nearest, p => p.Item is "a" or "#na#");
        Assert.All(nearest, p => Assert.InRange(p.Similarity, -1.0001, 1.0001));
        Assert.Equal(["b"], learn.Nearest("a", n: 5, among: ["b", "a"]).Select(p => p.Item));
        Assert.Equal(3, learn.Weight(["a", "b"]).shape[1]);
    }
}
