namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            public static Tensor relu(Tensor input) => input.relu();
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) => input.leaky_relu(negative_slope);
            /// <summary>GELU; <paramref name="approximate"/> is "none" (exact, erf-based) or "tanh".</summary>
            public static Tensor gelu(Tensor input, string approximate = "none") => input.gelu(approximate);
            public static Tensor silu(Tensor input) => input.silu();
            public static Tensor sigmoid(Tensor input) => input.sigmoid();
            public static Tensor tanh(Tensor input) => input.tanh();
            public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);
            public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);
            public static Tensor softplus(Tensor input, double beta = 1, double threshold = 20) => input.softplus(beta, threshold);
        }
    }
}
