namespace NotebookDL.Torch.Modules
{
    /// <summary>Batch normalisation of (N, C) or (N, C, L) over the C channels (see <see cref="BatchNorm"/>); output has the input's shape.</summary>
    public sealed class BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
        Device? device = null, ScalarType? dtype = null) : BatchNorm(num_features, eps, momentum, affine, track_running_stats, device, dtype)
    {
        protected override void CheckInputDim(Tensor input)
        {
            if (input.ndim is not (2 or 3))
                throw new ArgumentException($"BatchNorm1d expects a 2 or 3-D input, got {input.ndim}-D (shape [{string.Join(", ", input.shape)}]).", nameof(input));
        }
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalisation of (N, C) or (N, C, L).</summary>
            public static Modules.BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);
        }
    }
}
