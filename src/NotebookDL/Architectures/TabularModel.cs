namespace NotebookDL.Architectures;

/// <summary>
/// fastai's TabularModel (entity embeddings, Guo &amp; Berkhahn 2016): one embedding per categorical column, their
/// concatenation through dropout, batch-normalised continuous columns beside them, then blocks of
/// Linear -> ReLU -> BatchNorm -> Dropout and a final Linear, squeezed into <c>yRange</c> by a scaled sigmoid when
/// given. Its input is one float tensor (bs, nCat + nCont) with the category codes first, as
/// <see cref="NotebookDL.Tabular.TabularProcessor"/> encodes rows. Parameter names match fastai's
/// (<c>embeds.0.weight</c>, <c>bn_cont.*</c>, <c>layers.0.0.weight</c>), so state dicts carry over.
/// </summary>
public sealed class TabularModel : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Embedding> embeds;
    private readonly Dropout emb_drop;
    private readonly BatchNorm1d? bn_cont;
    private readonly Sequential layers;
    private readonly (double Low, double High)? yRange;
    private readonly int nCat;
    private readonly long nEmb;
    private readonly int nCont;

    /// <param name="embSizes">(cardinality, width) per categorical column.</param>
    /// <param name="nCont">Continuous columns.</param>
    /// <param name="outSize">Outputs (1 for one regression target, the classes for classification).</param>
    /// <param name="layers">Hidden layer widths, e.g. [1000, 500].</param>
    /// <param name="ps">Dropout after each hidden layer (one value per layer); none when null.</param>
    /// <param name="embDrop">Dropout on the concatenated embeddings.</param>
    /// <param name="yRange">Output range (low, high) of a scaled sigmoid; unbounded when null.</param>
    /// <param name="useBn">Batch norm in the hidden blocks.</param>
    /// <param name="bnFinal">Batch norm after the last linear layer too.</param>
    /// <param name="bnCont">Batch norm on the continuous inputs.</param>
    public TabularModel(IReadOnlyList<(int Cardinality, int Width)> embSizes, int nCont, int outSize, IReadOnlyList<int> layers,
        IReadOnlyList<double>? ps = null, double embDrop = 0, (double Low, double High)? yRange = null, bool useBn = true,
        bool bnFinal = false, bool bnCont = true) : base(nameof(TabularModel))
    {
        ps ??= Enumerable.Repeat(0.0, layers.Count).ToArray();
        if (ps.Count != layers.Count) throw new ArgumentException($"ps has {ps.Count} dropout values for {layers.Count} layers; give one per layer.", nameof(ps));
        if (embSizes.Count == 0 && nCont == 0) throw new ArgumentException("A tabular model needs at least one categorical or continuous column.");
        embeds = new ModuleList<Embedding>([.. embSizes.Select(e => Embedding(e.Cardinality, e.Width))]);
        emb_drop = nn.Dropout(embDrop);
        bn_cont = bnCont && nCont > 0 ? nn.BatchNorm1d(nCont) : null;
        (nCat, this.nCont, this.yRange) = (embSizes.Count, nCont, yRange);
        nEmb = embSizes.Sum(e => (long)e.Width);

        long[] sizes = [nEmb + nCont, .. layers.Select(l => (long)l), outSize];
        var blocks = new List<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i < sizes.Length - 1; i++)
        {
            var last = i == sizes.Length - 2;
            var p = last ? 0 : ps[i];
            blocks.Add(nn.Sequential(Models.LinBnDrop(sizes[i], sizes[i + 1], useBn && (!last || bnFinal), p, last ? null : nn.ReLU(), linFirst: true).ToArray()));
        }
        this.layers = nn.Sequential(blocks.ToArray());
        RegisterComponents();
    }

    /// <summary>The embedding of each categorical column, in input order (for interpretation).</summary>
    public IReadOnlyList<Embedding> Embeddings => [.. embeds];

    /// <summary>fastai's embedding: weights from a normal with std 0.01, truncated at two standard deviations.</summary>
    internal static Embedding Embedding(int cardinality, int width)
    {
        var e = nn.Embedding(cardinality, width);
        TruncNormal.Fill_(e.weight!, std: 0.01, a: -0.02, b: 0.02);
        return e;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.ndim != 2 || x.shape[1] != nCat + nCont)
            throw new ArgumentException($"TabularModel expects input (batch, {nCat} category codes + {nCont} continuous values), got [{string.Join(", ", x.shape)}].");
        using var scope = torch.NewDisposeScope();
        Tensor? h = null;
        if (nCat > 0)
        {
            var codes = x.narrow(1, 0, nCat).to(ScalarType.Int64);
            var parts = embeds.Select((e, i) => e.call(codes.select(1, i))).ToArray();
            h = emb_drop.call(torch.cat(parts, 1));
        }
        if (nCont > 0)
        {
            var cont = x.narrow(1, nCat, nCont);
            if (bn_cont is not null) cont = bn_cont.call(cont);
            h = h is null ? cont : torch.cat([h, cont], 1);
        }
        var output = layers.call(h!);
        if (yRange is var (low, high)) output = output.sigmoid().mul(high - low).add(low);
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>fastai's <c>emb_sz_rule</c>: min(600, round(1.6 · n^0.56)) for a column with n codes (#na# included).</summary>
    public static int EmbSizeRule(int cardinality) => Math.Min(600, (int)Math.Round(1.6 * Math.Pow(cardinality, 0.56)));
}
