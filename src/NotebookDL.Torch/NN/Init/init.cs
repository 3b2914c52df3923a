namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// <c>torch.nn.init</c>: in-place initialisers with PyTorch's fan computation and gains. Each runs under
        /// no_grad (so it works on parameters that require grad) and returns the tensor.
        /// </summary>
        public static class init
        {
            /// <summary>Fills with draws from U(<paramref name="a"/>, <paramref name="b"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1)
            {
                using var _ = no_grad();
                return tensor.uniform_(a, b);
            }

            /// <summary>Fills with draws from N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                using var _ = no_grad();
                return tensor.normal_(mean, std);
            }

            public static Tensor constant_(Tensor tensor, double val)
            {
                using var _ = no_grad();
                return tensor.fill_(val);
            }

            public static Tensor zeros_(Tensor tensor)
            {
                using var _ = no_grad();
                return tensor.zero_();
            }

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>
            /// The recommended gain for a nonlinearity: 1 for linear/conv/sigmoid, 5/3 for tanh, √2 for relu,
            /// √(2/(1+slope²)) for leaky_relu (slope <paramref name="param"/>, default 0.01), 3/4 for selu.
            /// </summary>
            public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
            {
                "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
                "tanh" => 5.0 / 3,
                "relu" => Math.Sqrt(2),
                "leaky_relu" => Math.Sqrt(2 / (1 + Math.Pow(param ?? 0.01, 2))),
                "selu" => 3.0 / 4,
                _ => throw new ArgumentException($"Unsupported nonlinearity \"{nonlinearity}\".", nameof(nonlinearity)),
            };

            /// <summary>
            /// (fan_in, fan_out) of a weight of shape (out, in, *kernel): in·∏kernel and out·∏kernel, as PyTorch's
            /// <c>_calculate_fan_in_and_fan_out</c>. Needs at least 2 dimensions.
            /// </summary>
            public static (long fan_in, long fan_out) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException($"Fan in and fan out can not be computed for a tensor with fewer than 2 dimensions (shape [{string.Join(", ", shape)}]).", nameof(tensor));
                long receptive = 1;
                for (var i = 2; i < shape.Length; i++) receptive *= shape[i];
                return (shape[1] * receptive, shape[0] * receptive);
            }

            /// <summary>He et al. (2015) uniform: U(-b, b) with b = gain·√(3/fan), gain = calculate_gain(nonlinearity, <paramref name="a"/>).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He et al. (2015) normal: N(0, std²) with std = gain/√fan.</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                return normal_(tensor, 0, std);
            }

            /// <summary>Glorot &amp; Bengio (2010) uniform: U(-b, b) with b = gain·√(6/(fan_in+fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var bound = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>Glorot &amp; Bengio (2010) normal: N(0, std²) with std = gain·√(2/(fan_in+fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            private static long Fan(Tensor tensor, string mode)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var fan = mode switch
                {
                    "fan_in" => fanIn,
                    "fan_out" => fanOut,
                    _ => throw new ArgumentException($"mode must be \"fan_in\" or \"fan_out\", got \"{mode}\".", nameof(mode)),
                };
                if (fan == 0) throw new ArgumentException($"Initializing a zero-element tensor (shape [{string.Join(", ", tensor.shape)}]) is a no-op.", nameof(tensor));
                return fan;
            }
        }

        /// <summary>
        /// A trainable parameter made from <paramref name="data"/>: a leaf alias of the same memory with requires_grad,
        /// owned by no dispose scope (register it on a module, which then frees it).
        /// </summary>
        public static Tensor Parameter(Tensor data, bool requires_grad = true) =>
            data.detach().DetachFromDisposeScope().requires_grad_(requires_grad);
    }
}
