namespace NotebookDL.Vision;

/// <summary>
/// Bilinear resizing on 8-bit pixels, computed the way PIL's <c>Image.resize(..., BILINEAR)</c> does (what fastai's
/// item transforms use): a separable triangle filter whose support widens with the reduction factor, so that
/// downscaling averages (antialiases) instead of skipping pixels; horizontal pass first, rounded to 8 bits, then
/// vertical. When enlarging this equals PyTorch's bilinear interpolation with <c>align_corners=False</c>.
/// It runs on loader worker threads in managed code, so item transforms never touch native tensor memory.
/// </summary>
public static class Resampler
{
    /// <summary>A copy of <paramref name="source"/> resized to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Image Resize(Image source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width == source.Width && height == source.Height) return source;
        var c = source.Channels;
        var horizontal = width == source.Width
            ? source.Pixels
            : Pass(source.Pixels, source.Width, source.Height, c, width, horizontalPass: true);
        var result = height == source.Height
            ? horizontal
            : Pass(horizontal, width, source.Height, c, height, horizontalPass: false);
        return new Image(result, width, height, c);
    }

    /// <summary>One separable pass: resamples rows (horizontal) or columns (vertical) to <paramref name="outSize"/>.</summary>
    private static byte[] Pass(byte[] src, int w, int h, int c, int outSize, bool horizontalPass)
    {
        var inSize = horizontalPass ? w : h;
        var (starts, weights, taps) = Coefficients(inSize, outSize);
        var outW = horizontalPass ? outSize : w;
        var outH = horizontalPass ? h : outSize;
        var dst = new byte[outW * outH * c];
        // Step between consecutive taps along the resampled axis, in bytes.
        var tapStep = horizontalPass ? c : w * c;
        for (var y = 0; y < outH; y++)
        {
            for (var x = 0; x < outW; x++)
            {
                var o = horizontalPass ? x : y;
                var baseIndex = horizontalPass ? (y * w + starts[o]) * c : (starts[o] * w + x) * c;
                var k = weights.AsSpan(o * taps, taps);
                for (var ch = 0; ch < c; ch++)
                {
                    var sum = 0.0;
                    var index = baseIndex + ch;
                    for (var t = 0; t < taps && k[t] != 0; t++, index += tapStep) sum += k[t] * src[index];
                    dst[(y * outW + x) * c + ch] = (byte)Math.Clamp((int)Math.Round(sum, MidpointRounding.AwayFromZero), 0, 255);
                }
            }
        }
        return dst;
    }

    /// <summary>
    /// For each output position: the first input index and normalised triangle weights (padded with zeros to a
    /// common tap count). Output pixel i is centred at (i + 0.5) * scale in input coordinates.
    /// </summary>
    private static (int[] Starts, double[] Weights, int Taps) Coefficients(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = filterScale; // the triangle's radius is 1 input pixel, widened when shrinking
        var taps = (int)Math.Ceiling(support) * 2 + 1;
        var starts = new int[outSize];
        var weights = new double[outSize * taps];
        for (var i = 0; i < outSize; i++)
        {
            var center = (i + 0.5) * scale;
            var min = Math.Max(0, (int)(center - support + 0.5));
            var max = Math.Min(inSize, (int)(center + support + 0.5));
            var k = weights.AsSpan(i * taps, taps);
            var total = 0.0;
            for (var j = min; j < max; j++)
            {
                var wj = Math.Max(0.0, 1.0 - Math.Abs((j - center + 0.5) / filterScale));
                k[j - min] = wj;
                total += wj;
            }
            if (total > 0) for (var j = 0; j < max - min; j++) k[j] /= total;
            starts[i] = min;
        }
        return (starts, weights, taps);
    }
}
