using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Batch normalisation over dim 1 of (N, C, *). With <paramref name="training"/> the batch statistics are used
            /// and the running statistics (if given) are blended in place: r = (1 - momentum)·r + momentum·batch (unbiased
            /// variance). Otherwise the running statistics normalise the input.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                if (!training && (running_mean is null || running_var is null))
                    throw new ArgumentException("batch_norm in eval mode (training: false) needs running_mean and running_var.");
                var result = new Tensor(N.nbdl_nn_batch_norm(input.Handle, Raw(weight), Raw(bias), Raw(running_mean), Raw(running_var),
                    training ? 1 : 0, momentum, eps));
                GC.KeepAlive(weight);
                GC.KeepAlive(bias);
                GC.KeepAlive(running_mean);
                GC.KeepAlive(running_var);
                return result;
            }

            /// <summary>Normalises over the trailing <paramref name="normalized_shape"/> dimensions of (*, normalized_shape).</summary>
            public static unsafe Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
            {
                fixed (long* p = normalized_shape)
                {
                    var result = new Tensor(N.nbdl_nn_layer_norm(input.Handle, p, normalized_shape.Length, Raw(weight), Raw(bias), eps));
                    GC.KeepAlive(weight);
                    GC.KeepAlive(bias);
                    return result;
                }
            }

            /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1-p); identity unless <paramref name="training"/>.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true)
            {
                CheckProbability(p);
                return new Tensor(N.nbdl_nn_dropout(input.Handle, p, training ? 1 : 0));
            }

            /// <summary>Zeroes whole channels of (N, C, H, W) with probability <paramref name="p"/>, scaling the rest by 1/(1-p).</summary>
            public static Tensor dropout2d(Tensor input, double p = 0.5, bool training = true)
            {
                CheckProbability(p);
                return new Tensor(N.nbdl_nn_feature_dropout(input.Handle, p, training ? 1 : 0));
            }

            /// <summary>Rows of <paramref name="weight"/> (num_embeddings, dim) picked by integer <paramref name="input"/> (*) → (*, dim).
            /// The row at <paramref name="padding_idx"/> receives no gradient.</summary>
            public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null)
            {
                var pad = padding_idx ?? -1;
                if (padding_idx is { } p && p < 0) pad = p + weight.size(0);
                return new Tensor(N.nbdl_nn_embedding(weight.Handle, input.Handle, pad));
            }

            /// <summary>int64 (*) → (*, num_classes) of 0/1; <paramref name="num_classes"/> -1 means max(input) + 1.</summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) => new(N.nbdl_nn_one_hot(tensor.Handle, num_classes));

            private static void CheckProbability(double p)
            {
                if (p is < 0 or > 1 || double.IsNaN(p))
                    throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability has to be between 0 and 1.");
            }

            internal static IntPtr Raw(Tensor? t) => t?.RawHandle ?? IntPtr.Zero;
        }
    }
}
