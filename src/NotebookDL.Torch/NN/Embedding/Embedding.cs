namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// A lookup table: int64 indices (*) → (*, embedding_dim). weight (num_embeddings, embedding_dim) ~ N(0, 1);
    /// the row at padding_idx starts at zero and receives no gradient.
    /// </summary>
    public sealed class Embedding : Module<Tensor, Tensor>
    {
        public Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null, Device? device = null, ScalarType? dtype = null)
        {
            this.num_embeddings = Positive(num_embeddings, nameof(num_embeddings));
            this.embedding_dim = Positive(embedding_dim, nameof(embedding_dim));
            if (padding_idx is { } p)
            {
                if (p >= num_embeddings || p < -num_embeddings)
                    throw new ArgumentOutOfRangeException(nameof(padding_idx), p, $"padding_idx must be within num_embeddings ({num_embeddings}).");
                padding_idx = p < 0 ? p + num_embeddings : p;
            }
            this.padding_idx = padding_idx;
            register_parameter("weight", NewParameter([num_embeddings, embedding_dim], dtype, device));
            reset_parameters();
        }

        public long num_embeddings { get; }
        public long embedding_dim { get; }
        public long? padding_idx { get; }

        public Tensor weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }

        public void reset_parameters()
        {
            torch.nn.init.normal_(weight);
            if (padding_idx is not { } p) return;
            using var _ = torch.no_grad();
            using var row = weight.narrow(0, p, 1);
            row.zero_();
        }

        public override Tensor forward(Tensor input) => torch.nn.functional.embedding(input, weight, padding_idx);

        public override string extra_repr() => $"{num_embeddings}, {embedding_dim}" + (padding_idx is { } p ? $", padding_idx={p}" : "");
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An embedding table of <paramref name="num_embeddings"/> vectors of size <paramref name="embedding_dim"/>.</summary>
            public static Modules.Embedding Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null, Device? device = null, ScalarType? dtype = null) =>
                new(num_embeddings, embedding_dim, padding_idx, device, dtype);
        }
    }
}
