using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Pads the last dimensions: <paramref name="pad"/> = (left, right[, top, bottom[, front, back]]), starting from
            /// the last dimension, as PyTorch. <paramref name="mode"/> "constant" (with <paramref name="value"/>), "reflect" or "replicate".
            /// </summary>
            public static unsafe Tensor pad(Tensor input, long[] pad, string mode = "constant", double value = 0)
            {
                if (pad.Length % 2 != 0) throw new ArgumentException($"pad needs an even number of values, got {pad.Length}.", nameof(pad));
                var code = mode switch
                {
                    "constant" => 0,
                    "reflect" => 1,
                    "replicate" => 2,
                    _ => throw new ArgumentException($"pad mode must be \"constant\", \"reflect\" or \"replicate\", got \"{mode}\".", nameof(mode)),
                };
                fixed (long* p = pad) return new Tensor(N.nbdl_nn_pad(input.Handle, p, pad.Length, code, value));
            }

            /// <summary>
            /// Resizes (N, C, H, W) to <paramref name="size"/> or by <paramref name="scale_factor"/> (exactly one of them).
            /// <paramref name="mode"/> "nearest" or "bilinear"; <paramref name="align_corners"/> (bilinear only, default false)
            /// maps corner pixel centres onto each other.
            /// </summary>
            public static unsafe Tensor interpolate(Tensor input, SizeArg size = default, double? scale_factor = null, string mode = "nearest",
                bool? align_corners = null)
            {
                if (size.IsDefault == (scale_factor is null))
                    throw new ArgumentException("interpolate needs exactly one of size or scale_factor.");
                if (input.ndim != 4)
                    throw new ArgumentException($"interpolate supports 4-D (N, C, H, W) inputs, got {input.ndim}-D.", nameof(input));
                var code = mode switch
                {
                    "nearest" => 0,
                    "bilinear" => 1,
                    _ => throw new ArgumentException($"interpolate mode must be \"nearest\" or \"bilinear\", got \"{mode}\".", nameof(mode)),
                };
                if (code == 0 && align_corners is not null)
                    throw new ArgumentException("align_corners can only be set with mode \"bilinear\".", nameof(align_corners));
                var sizes = size.IsDefault ? [] : size.Expand(2, nameof(size), 0);
                double[] scales = scale_factor is { } f ? [f, f] : [];
                fixed (long* ps = sizes)
                fixed (double* pf = scales)
                    return new Tensor(N.nbdl_nn_interpolate2d(input.Handle, ps, sizes.Length, pf, scales.Length, code, align_corners == true ? 1 : 0));
            }

            /// <summary>
            /// Samples (N, C, H_in, W_in) at the normalised (x, y) locations of <paramref name="grid"/> (N, H_out, W_out, 2),
            /// in [-1, 1] → (N, C, H_out, W_out). mode "bilinear", "nearest" or "bicubic"; padding_mode "zeros", "border" or "reflection".
            /// </summary>
            public static Tensor grid_sample(Tensor input, Tensor grid, string mode = "bilinear", string padding_mode = "zeros", bool align_corners = false)
            {
                var interpolation = mode switch
                {
                    "bilinear" => 0,
                    "nearest" => 1,
                    "bicubic" => 2,
                    _ => throw new ArgumentException($"grid_sample mode must be \"bilinear\", \"nearest\" or \"bicubic\", got \"{mode}\".", nameof(mode)),
                };
                var padding = padding_mode switch
                {
                    "zeros" => 0,
                    "border" => 1,
                    "reflection" => 2,
                    _ => throw new ArgumentException($"grid_sample padding_mode must be \"zeros\", \"border\" or \"reflection\", got \"{padding_mode}\".", nameof(padding_mode)),
                };
                return new Tensor(N.nbdl_nn_grid_sample(input.Handle, grid.Handle, interpolation, padding, align_corners ? 1 : 0));
            }

            /// <summary>The sampling grid (N, H, W, 2) of affine matrices <paramref name="theta"/> (N, 2, 3) for an output of <paramref name="size"/> (N, C, H, W).</summary>
            public static unsafe Tensor affine_grid(Tensor theta, long[] size, bool align_corners = false)
            {
                fixed (long* p = size) return new Tensor(N.nbdl_nn_affine_grid(theta.Handle, p, size.Length, align_corners ? 1 : 0));
            }
        }
    }
}
