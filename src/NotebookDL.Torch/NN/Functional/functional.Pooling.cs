using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>Max over kernel windows of (N, C, H, W). <paramref name="stride"/> defaults to the kernel size.</summary>
            public static unsafe Tensor max_pool2d(Tensor input, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
                SizeArg dilation = default, bool ceil_mode = false)
            {
                var k = kernel_size.Expand(2, nameof(kernel_size), 0);
                var s = stride.Expand(2, nameof(stride), kernel_size);
                var p = padding.Expand(2, nameof(padding), 0);
                var d = dilation.Expand(2, nameof(dilation), 1);
                fixed (long* pk = k, ps = s, pp = p, pd = d)
                    return new Tensor(N.nbdl_nn_max_pool2d(input.Handle, pk, ps, pp, pd, ceil_mode ? 1 : 0));
            }

            /// <summary>Mean over kernel windows of (N, C, H, W). <paramref name="stride"/> defaults to the kernel size.</summary>
            public static unsafe Tensor avg_pool2d(Tensor input, SizeArg kernel_size, SizeArg stride = default, SizeArg padding = default,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
            {
                if (divisor_override is <= 0)
                    throw new ArgumentOutOfRangeException(nameof(divisor_override), divisor_override, "divisor_override must be positive.");
                var k = kernel_size.Expand(2, nameof(kernel_size), 0);
                var s = stride.Expand(2, nameof(stride), kernel_size);
                var p = padding.Expand(2, nameof(padding), 0);
                fixed (long* pk = k, ps = s, pp = p)
                    return new Tensor(N.nbdl_nn_avg_pool2d(input.Handle, pk, ps, pp, ceil_mode ? 1 : 0, count_include_pad ? 1 : 0, divisor_override ?? 0));
            }

            /// <summary>Averages (N, C, H, W) down to (N, C, output_size) whatever the input size.</summary>
            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, SizeArg output_size)
            {
                var o = output_size.Expand(2, nameof(output_size), 0);
                fixed (long* po = o) return new Tensor(N.nbdl_nn_adaptive_avg_pool2d(input.Handle, po));
            }

            /// <summary>Maximum of (N, C, H, W) over adaptive windows → (N, C, output_size).</summary>
            public static unsafe Tensor adaptive_max_pool2d(Tensor input, SizeArg output_size)
            {
                var o = output_size.Expand(2, nameof(output_size), 0);
                fixed (long* po = o) return new Tensor(N.nbdl_nn_adaptive_max_pool2d(input.Handle, po));
            }
        }
    }
}
