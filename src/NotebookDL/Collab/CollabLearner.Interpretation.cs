using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Display.Plotting;
using NotebookDL.Interpret;
using NotebookDL.Learning;
using NotebookDL.Architectures;
using NotebookDL.Tabular;

namespace NotebookDL.Collab;

/// <summary>
/// Looking inside a trained collaborative-filtering learner, as the course does: item and user biases (what is
/// rated high whoever watches), factors, their principal components, nearest items, and recommendations.
/// Ids are given as text (as the vocab shows them); an id not seen in training maps to #na#.
/// </summary>
public sealed partial class CollabLearner
{
    /// <summary>The learned bias of each id (fastai's <c>this.model.bias(ids, is_item)</c>).</summary>
    public double[] Bias(IEnumerable<string> ids, bool isItem = true)
    {
        var (model, codes) = Lookup(ids, isItem);
        using var bias = (isItem ? model.ItemBias : model.UserBias).detach().squeeze(1).to(ScalarType.Float64);
        var all = bias.data<double>().ToArray();
        return codes.Select(c => all[c]).ToArray();
    }

    /// <summary>The learned factors of each id, (n, nFactors) (fastai's <c>this.model.weight(ids, is_item)</c>). The caller owns the tensor.</summary>
    public Tensor Weight(IEnumerable<string> ids, bool isItem = true)
    {
        var (model, codes) = Lookup(ids, isItem);
        using var index = torch.tensor(codes.Select(c => (long)c).ToArray());
        return (isItem ? model.ItemFactors : model.UserFactors).detach().index_select(0, index);
    }

    /// <summary>
    /// The items whose factor vectors point most nearly the same way as <paramref name="item"/>'s (cosine similarity),
    /// among <paramref name="among"/> when given (e.g. items with enough ratings: a rarely rated item's factors are
    /// mostly their random start).
    /// </summary>
    public IReadOnlyList<(string Item, double Similarity)> Nearest(string item, int n = 10, IEnumerable<string>? among = null)
    {
        var (model, codes) = Lookup([item], isItem: true);
        var items = Processor.Categorify!.Classes(Names().Item);
        using var scope = torch.NewDisposeScope();
        var factors = model.ItemFactors.detach().to(ScalarType.Float64);
        var similarity = torch.nn.functional.cosine_similarity(factors, factors[codes[0]].unsqueeze(0), dim: 1);
        similarity[0] = double.NegativeInfinity; // #na#
        similarity[codes[0]] = double.NegativeInfinity;
        if (among is not null)
        {
            var allowed = among.ToHashSet(StringComparer.Ordinal);
            var excluded = Enumerable.Range(0, items.Count).Where(c => !allowed.Contains(items[c])).Select(c => (long)c).ToArray();
            if (excluded.Length > 0) similarity.index_fill_(0, torch.tensor(excluded), double.NegativeInfinity);
        }
        var (values, indices) = similarity.topk(Math.Min(n, (int)factors.shape[0] - 2));
        var v = values.data<double>().ToArray();
        return indices.data<long>().ToArray().Select((c, i) => (items[(int)c], v[i])).Where(p => !double.IsNegativeInfinity(p.Item2)).ToList();
    }

    /// <summary>The items' factors on their first two principal components, each point labelled (titles, say, via <paramref name="labels"/>).</summary>
    public Figure FactorPca(IReadOnlyList<string> items, IReadOnlyDictionary<string, string>? labels = null)
    {
        using var weights = Weight(items, isItem: true);
        return Pca.Plot(weights, items.Select(i => labels?.GetValueOrDefault(i) ?? i).ToList(), "Item factors: first two principal components");
    }

    /// <summary>
    /// The <paramref name="n"/> items with the highest predicted rating for <paramref name="user"/>, leaving out the
    /// items that user rated in <paramref name="rated"/> (typically the training ratings). Works with either model.
    /// </summary>
    public DataFrame Recommend(string user, int n = 10, DataFrame? rated = null)
    {
        var processor = Processor;
        var (userName, itemName) = Names();
        var items = processor.Categorify!.Classes(itemName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (rated is not null)
        {
            var users = rated.Column(userName);
            var ratedItems = rated.Column(itemName);
            for (long r = 0; r < rated.Rows.Count; r++)
                if (Text(users[r]) == user && ratedItems[r] is { } it) seen.Add(Text(it));
        }
        var candidates = Enumerable.Range(1, items.Count - 1).Where(c => !seen.Contains(items[c])).ToList();
        var userCode = CodeOf(processor, userName, user);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(candidates.SelectMany(c => new[] { (float)userCode, c }).ToArray(), [candidates.Count, 2]);
        Model.eval();
        Tensor predicted;
        using (torch.no_grad()) predicted = Model.call(x).reshape(-1).to(ScalarType.Float64);
        var (values, order) = predicted.topk(Math.Min(n, candidates.Count));
        var best = order.data<long>().ToArray();
        return new DataFrame(
            new StringDataFrameColumn(itemName, best.Select(i => items[candidates[(int)i]])),
            new DoubleDataFrameColumn("predicted", values.data<double>().ToArray()));
    }

    private (DotProductBias Model, int[] Codes) Lookup(IEnumerable<string> ids, bool isItem)
    {
        var model = Model as DotProductBias ?? throw new InvalidOperationException(
            "Biases and factors exist in the dot-product model only (CollabLearner without useNN).");
        var processor = Processor;
        var (userName, itemName) = Names();
        return (model, ids.Select(id => CodeOf(processor, isItem ? itemName : userName, id)).ToArray());
    }

    private static int CodeOf(TabularProcessor processor, string column, string id)
    {
        var classes = processor.Categorify!.Classes(column);
        for (var i = 1; i < classes.Count; i++) if (classes[i] == id) return i;
        return 0; // #na#, as prediction treats an id unseen in training
    }

    private (string User, string Item) Names()
    {
        var cats = Processor.InputCatNames;
        return cats.Count == 2 ? (cats[0], cats[1]) : throw new InvalidOperationException("A collaborative-filtering learner has exactly a user and an item column.");
    }

    private static string Text(object? value) => value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "";
}
