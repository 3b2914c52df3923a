using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// <c>torch.nn.functional</c>: the stateless maths every layer calls. Defaults match PyTorch's.
        /// Split by topic (functional.Convolution, .Normalization, .Pooling, .Activation, .Loss, .Sampling, .Recurrent).
        /// </summary>
        public static partial class functional
        {
            /// <summary>y = x Wᵀ + b. input (*, in), weight (out, in), bias (out) → (*, out).</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null)
            {
                var result = new Tensor(N.nbdl_tensor_linear(input.Handle, weight.Handle, bias?.RawHandle ?? IntPtr.Zero));
                GC.KeepAlive(bias);
                return result;
            }

            /// <summary>1-D convolution. input (N, C_in, L), weight (C_out, C_in/groups, k) → (N, C_out, L_out).</summary>
            public static unsafe Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, SizeArg stride = default,
                SizeArg padding = default, SizeArg dilation = default, long groups = 1)
            {
                var (s, p, d) = (stride.Expand(1, nameof(stride), 1), padding.Expand(1, nameof(padding), 0), dilation.Expand(1, nameof(dilation), 1));
                CheckGroups(groups);
                fixed (long* ps = s, pp = p, pd = d)
                {
                    var result = new Tensor(N.nbdl_nn_conv1d(input.Handle, weight.Handle, bias?.RawHandle ?? IntPtr.Zero, ps, pp, pd, groups));
                    GC.KeepAlive(bias);
                    return result;
                }
            }

            /// <summary>2-D convolution. input (N, C_in, H, W), weight (C_out, C_in/groups, kH, kW) → (N, C_out, H_out, W_out).</summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, SizeArg stride = default,
                SizeArg padding = default, SizeArg dilation = default, long groups = 1)
            {
                var (s, p, d) = (stride.Expand(2, nameof(stride), 1), padding.Expand(2, nameof(padding), 0), dilation.Expand(2, nameof(dilation), 1));
                CheckGroups(groups);
                fixed (long* ps = s, pp = p, pd = d)
                {
                    var result = new Tensor(N.nbdl_nn_conv2d(input.Handle, weight.Handle, bias?.RawHandle ?? IntPtr.Zero, ps, pp, pd, groups));
                    GC.KeepAlive(bias);
                    return result;
                }
            }

            /// <summary>
            /// Transposed 2-D convolution ("deconvolution"). input (N, C_in, H, W), weight (C_in, C_out/groups, kH, kW)
            /// → (N, C_out, (H-1)·stride - 2·padding + dilation·(kH-1) + output_padding + 1, ...).
            /// </summary>
            public static unsafe Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, SizeArg stride = default,
                SizeArg padding = default, SizeArg output_padding = default, long groups = 1, SizeArg dilation = default)
            {
                var s = stride.Expand(2, nameof(stride), 1);
                var p = padding.Expand(2, nameof(padding), 0);
                var op = output_padding.Expand(2, nameof(output_padding), 0);
                var d = dilation.Expand(2, nameof(dilation), 1);
                CheckGroups(groups);
                fixed (long* ps = s, pp = p, pop = op, pd = d)
                {
                    var result = new Tensor(N.nbdl_nn_conv_transpose2d(input.Handle, weight.Handle, bias?.RawHandle ?? IntPtr.Zero, ps, pp, pop, groups, pd));
                    GC.KeepAlive(bias);
                    return result;
                }
            }

            private static void CheckGroups(long groups)
            {
                if (groups < 1) throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be at least 1.");
            }
        }
    }
}
