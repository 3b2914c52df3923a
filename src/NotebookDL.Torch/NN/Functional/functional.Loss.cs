using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Softmax cross entropy. input (N, C) or (N, C, d1, ...) of logits; target (N) / (N, d1, ...) of int64 class
            /// indices, or of class probabilities with the input's shape. Targets equal to <paramref name="ignore_index"/>
            /// do not count; <paramref name="label_smoothing"/> ε mixes the target with the uniform distribution (1-ε, ε/C).
            /// <paramref name="reduction"/>: "mean" (default; weighted mean when <paramref name="weight"/> is given), "sum" or "none".
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                string reduction = "mean", double label_smoothing = 0.0)
            {
                if (label_smoothing is < 0 or > 1 || double.IsNaN(label_smoothing))
                    throw new ArgumentOutOfRangeException(nameof(label_smoothing), label_smoothing, "label_smoothing must be between 0 and 1.");
                var result = new Tensor(N.nbdl_nn_cross_entropy(input.Handle, target.Handle, Raw(weight), Reduction(reduction), ignore_index, label_smoothing));
                GC.KeepAlive(weight);
                return result;
            }

            /// <summary>Negative log likelihood of log-probabilities (N, C[, d1, ...]) at int64 targets (N[, d1, ...]).</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, string reduction = "mean")
            {
                var result = new Tensor(N.nbdl_nn_nll_loss(input.Handle, target.Handle, Raw(weight), Reduction(reduction), ignore_index));
                GC.KeepAlive(weight);
                return result;
            }

            /// <summary>Mean squared error between same-shaped (broadcastable) tensors.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, string reduction = "mean") =>
                new(N.nbdl_nn_mse_loss(input.Handle, target.Handle, Reduction(reduction)));

            /// <summary>Mean absolute error.</summary>
            public static Tensor l1_loss(Tensor input, Tensor target, string reduction = "mean") =>
                new(N.nbdl_nn_l1_loss(input.Handle, target.Handle, Reduction(reduction)));

            /// <summary>Binary cross entropy of probabilities in [0, 1] (same shape as <paramref name="target"/>).</summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean")
            {
                var result = new Tensor(N.nbdl_nn_binary_cross_entropy(input.Handle, target.Handle, Raw(weight), Reduction(reduction)));
                GC.KeepAlive(weight);
                return result;
            }

            /// <summary>Binary cross entropy of logits, computed stably (log-sum-exp); <paramref name="pos_weight"/> weighs positives per class.</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean",
                Tensor? pos_weight = null)
            {
                var result = new Tensor(N.nbdl_nn_binary_cross_entropy_with_logits(input.Handle, target.Handle, Raw(weight), Raw(pos_weight), Reduction(reduction)));
                GC.KeepAlive(weight);
                GC.KeepAlive(pos_weight);
                return result;
            }

            // libtorch's at::Reduction codes.
            private static int Reduction(string reduction) => reduction switch
            {
                "none" => 0,
                "mean" => 1,
                "sum" => 2,
                _ => throw new ArgumentException($"reduction must be \"none\", \"mean\" or \"sum\", got \"{reduction}\".", nameof(reduction)),
            };
        }
    }
}
