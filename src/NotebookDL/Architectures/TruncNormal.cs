namespace NotebookDL.Architectures;

/// <summary>
/// PyTorch's <c>nn.init.trunc_normal_</c>, which fastai uses for every embedding. TorchSharp 0.107's own
/// <c>nn.init.trunc_normal_</c> swaps the mean and the standard deviation (it multiplies by the mean and adds the
/// standard deviation, and drops the √2): with mean 0 it fills the tensor with the constant <c>std</c>, so every
/// row of an embedding starts identical and a dot-product model stays rank one (TruncNormalTests pins this).
/// </summary>
public static class TruncNormal
{
    /// <summary>Fills <paramref name="tensor"/> in place from N(mean, std²) truncated to [a, b] (absolute bounds, as PyTorch).</summary>
    public static Tensor Fill_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2)
    {
        if (!(std > 0)) throw new ArgumentOutOfRangeException(nameof(std), std, "std must be positive.");
        if (!(a < b)) throw new ArgumentException($"The bounds must satisfy a < b, got a = {a}, b = {b}.");
        // Inverse-CDF sampling as PyTorch does: uniform between the bounds' CDF values mapped to (-1, 1), erfinv.
        static double Cdf(double x) => (1 + Erf(x / Math.Sqrt(2))) / 2;
        var low = Cdf((a - mean) / std);
        var high = Cdf((b - mean) / std);
        using (torch.no_grad())
        {
            tensor.uniform_(2 * low - 1, 2 * high - 1);
            tensor.erfinv_();
            tensor.mul_(std * Math.Sqrt(2));
            tensor.add_(mean);
            tensor.clamp_(a, b);
        }
        return tensor;
    }

    // libtorch's erf, so the bounds' CDF values are computed as PyTorch computes them.
    private static double Erf(double x)
    {
        using var t = torch.tensor(x, ScalarType.Float64);
        using var e = t.erf();
        return e.item<double>();
    }
}
