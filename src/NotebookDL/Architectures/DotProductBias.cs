namespace NotebookDL.Architectures;

/// <summary>
/// The course's collaborative-filtering model (fastai's EmbeddingDotBias): a learned factor vector and a bias per
/// user and per item; a rating is the dot product of the two vectors plus both biases, squeezed into
/// <c>yRange</c> by a scaled sigmoid when given. Its input is (bs, 2) with the user code and the item code as floats,
/// as <see cref="NotebookDL.Collab.CollabDataLoaders"/> encodes rows; parameter names are fastai's
/// (<c>u_weight</c>, <c>i_weight</c>, <c>u_bias</c>, <c>i_bias</c>).
/// </summary>
public sealed class DotProductBias : nn.Module<Tensor, Tensor>
{
    private readonly Embedding u_weight;
    private readonly Embedding i_weight;
    private readonly Embedding u_bias;
    private readonly Embedding i_bias;
    private readonly (double Low, double High)? yRange;

    /// <param name="nUsers">User codes (#na# included).</param>
    /// <param name="nItems">Item codes (#na# included).</param>
    /// <param name="nFactors">Length of each factor vector.</param>
    /// <param name="yRange">Rating range (low, high) of a scaled sigmoid; unbounded when null.</param>
    public DotProductBias(int nUsers, int nItems, int nFactors, (double Low, double High)? yRange = null) : base(nameof(DotProductBias))
    {
        Check.Positive(nUsers, nameof(nUsers));
        Check.Positive(nItems, nameof(nItems));
        Check.Positive(nFactors, nameof(nFactors));
        (u_weight, i_weight) = (TabularModel.Embedding(nUsers, nFactors), TabularModel.Embedding(nItems, nFactors));
        (u_bias, i_bias) = (TabularModel.Embedding(nUsers, 1), TabularModel.Embedding(nItems, 1));
        this.yRange = yRange;
        RegisterComponents();
    }

    /// <summary>Users' factors (nUsers, nFactors), row = code.</summary>
    public Tensor UserFactors => u_weight.weight!;

    /// <summary>Items' factors (nItems, nFactors), row = code.</summary>
    public Tensor ItemFactors => i_weight.weight!;

    /// <summary>Users' biases (nUsers, 1).</summary>
    public Tensor UserBias => u_bias.weight!;

    /// <summary>Items' biases (nItems, 1).</summary>
    public Tensor ItemBias => i_bias.weight!;

    public override Tensor forward(Tensor x)
    {
        if (x.ndim != 2 || x.shape[1] != 2)
            throw new ArgumentException($"DotProductBias expects input (batch, 2): a user code and an item code per row, got [{string.Join(", ", x.shape)}].");
        using var scope = torch.NewDisposeScope();
        var codes = x.to(ScalarType.Int64);
        var users = codes.select(1, 0);
        var items = codes.select(1, 1);
        var dot = u_weight.call(users).mul(i_weight.call(items)).sum(1);
        var result = dot.add(u_bias.call(users).squeeze(1)).add(i_bias.call(items).squeeze(1));
        if (yRange is var (low, high))
        {
            // Scalars we dispose: an implicit double -> Scalar argument is unreferenced during the native call, and a GC
            // from another thread could finalize it there (see Engine/ThreadPolicy.cs).
            using var span = (high - low).ToScalar();
            using var offset = low.ToScalar();
            result = result.sigmoid().mul(span).add(offset);
        }
        return result.MoveToOuterDisposeScope();
    }
}
