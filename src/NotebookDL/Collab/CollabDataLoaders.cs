using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Tabular;

namespace NotebookDL.Collab;

/// <summary>
/// fastai's <c>CollabDataLoaders.from_df</c>: a ratings table (one row per user, item, rating) split at random
/// into training and validation rows, users and items given vocabularies from the training rows (#na# first: an id
/// seen only in validation, or a missing one, maps there), batches of (user code, item code) -> rating. Any id
/// type works (ints or text). Built on the tabular pipeline (Categorify on the two id columns), so a trained
/// learner's <c>Predict</c> on rows, <c>Export</c> and <c>Learner.Load</c> work as for tabular models.
/// </summary>
public sealed class CollabDataLoaders : TabularDataLoaders
{
    private CollabDataLoaders(TabularDataLoaders tabular, string userName, string itemName, string ratingName)
        : base(tabular)
    {
        (UserName, ItemName, RatingName) = (userName, itemName, ratingName);
    }

    public string UserName { get; }

    public string ItemName { get; }

    public string RatingName { get; }

    /// <summary>User ids by code (index 0 is #na#).</summary>
    public IReadOnlyList<string> Users => Processor.Categorify!.Classes(UserName);

    /// <summary>Item ids by code (index 0 is #na#).</summary>
    public IReadOnlyList<string> Items => Processor.Categorify!.Classes(ItemName);

    /// <param name="ratings">One row per rating.</param>
    /// <param name="userName">The user id column.</param>
    /// <param name="itemName">The item id column.</param>
    /// <param name="ratingName">The numeric rating column.</param>
    /// <param name="validPct">Fraction of rows drawn at random for validation.</param>
    /// <param name="seed">Seed of that draw and of the training order; null picks a fresh one.</param>
    /// <param name="bs">Batch size.</param>
    /// <param name="device">Where batches arrive.</param>
    /// <example><code>var dls = CollabDataLoaders.FromDataFrame(ratings, "userId", "movieId", "rating", bs: 64);</code></example>
    public static CollabDataLoaders FromDataFrame(DataFrame ratings, string userName = "user", string itemName = "item", string ratingName = "rating",
        double validPct = 0.2, int? seed = null, int bs = 64, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        foreach (var name in new[] { userName, itemName, ratingName }) ratings.Column(name);
        if (!ratings.Column(ratingName).IsNumeric())
            throw new ArgumentException($"Rating column \"{ratingName}\" holds {ratings.Column(ratingName).DataType.Name} values, not numbers.", nameof(ratingName));
        if (ratings.Rows.Count < 2) throw new ArgumentException($"The ratings table has {ratings.Rows.Count} rows; it needs some for training and some for validation.", nameof(ratings));
        var tabular = TabularDataLoaders.FromDataFrame(ratings, [new CategorifyProc()], [userName, itemName], [], [ratingName],
            validPct: validPct, seed: seed, bs: bs, device: device);
        return new CollabDataLoaders(tabular, userName, itemName, ratingName);
    }
}
