namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Normalises each sample over its trailing normalized_shape dimensions: (*, normalized_shape) → same shape.
    /// With elementwise_affine, weight (ones) and bias (zeros) have shape normalized_shape.
    /// </summary>
    public sealed class LayerNorm : Module<Tensor, Tensor>
    {
        public LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null)
        {
            if (normalized_shape.Length == 0) throw new ArgumentException("normalized_shape must have at least one dimension.", nameof(normalized_shape));
            foreach (var s in normalized_shape) Positive(s, nameof(normalized_shape));
            (this.normalized_shape, this.eps, this.elementwise_affine) = ((long[])normalized_shape.Clone(), eps, elementwise_affine);
            register_parameter("weight", elementwise_affine ? NewParameter(normalized_shape, dtype, device) : null);
            register_parameter("bias", elementwise_affine && bias ? NewParameter(normalized_shape, dtype, device) : null);
            reset_parameters();
        }

        public long[] normalized_shape { get; }
        public double eps { get; }
        public bool elementwise_affine { get; }

        public Tensor? weight { get => GetParameter("weight"); set => register_parameter("weight", value); }
        public Tensor? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

        public void reset_parameters()
        {
            if (weight is { } w) torch.nn.init.ones_(w);
            if (bias is { } b) torch.nn.init.zeros_(b);
        }

        public override Tensor forward(Tensor input) => torch.nn.functional.layer_norm(input, normalized_shape, weight, bias, eps);

        public override string extra_repr() =>
            $"({string.Join(", ", normalized_shape)}{(normalized_shape.Length == 1 ? "," : "")}), eps={eps}, elementwise_affine={Py(elementwise_affine)}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Layer normalisation over the trailing <paramref name="normalized_shape"/> dimensions.</summary>
            public static Modules.LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new(normalized_shape, eps, elementwise_affine, bias, device, dtype);

            /// <summary>Layer normalisation over the last dimension of size <paramref name="normalized_shape"/>.</summary>
            public static Modules.LayerNorm LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new([normalized_shape], eps, elementwise_affine, bias, device, dtype);
        }
    }
}
