namespace NotebookDL.Learning;

/// <summary>
/// fastai's learning-rate suggestion functions over an lr_find curve (learning rates ascending, smoothed losses).
/// Each returns the suggested rate and the index of the point it came from (to mark it on the plot).
/// </summary>
public static class LrSuggestions
{
    /// <summary>
    /// The longest valley: the longest run of points with decreasing loss (longest decreasing subsequence, ending
    /// where it is longest), and the rate about two thirds of the way down it (fastai's default suggestion).
    /// </summary>
    public static (double Lr, int Index) Valley(IReadOnlyList<double> lrs, IReadOnlyList<double> losses)
    {
        Check(lrs, losses);
        var n = losses.Count;
        var lengths = new int[n];
        Array.Fill(lengths, 1);
        int maxStart = 0, maxEnd = 0;
        for (var i = 1; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (losses[i] < losses[j] && lengths[i] < lengths[j] + 1) lengths[i] = lengths[j] + 1;
                if (lengths[maxEnd] < lengths[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lengths[maxEnd];
                }
            }
        }
        var sections = (maxEnd - maxStart) / 3.0;
        var index = Math.Clamp(maxStart + (int)sections + (int)(sections / 2), 0, n - 1);
        return (lrs[index], index);
    }

    /// <summary>Where the loss falls fastest per decade of learning rate (the most negative slope on a log axis).</summary>
    public static (double Lr, int Index) Steep(IReadOnlyList<double> lrs, IReadOnlyList<double> losses)
    {
        Check(lrs, losses);
        var best = 0;
        var bestSlope = double.PositiveInfinity;
        for (var i = 0; i + 1 < losses.Count; i++)
        {
            var slope = (losses[i + 1] - losses[i]) / (Math.Log(lrs[i + 1]) - Math.Log(lrs[i]));
            if (slope < bestSlope) (best, bestSlope) = (i, slope);
        }
        return (lrs[best], best);
    }

    /// <summary>A tenth of the rate at the minimum loss (beyond the minimum, training is already unstable).</summary>
    public static (double Lr, int Index) Minimum(IReadOnlyList<double> lrs, IReadOnlyList<double> losses)
    {
        Check(lrs, losses);
        var index = 0;
        for (var i = 1; i < losses.Count; i++)
            if (losses[i] < losses[index]) index = i;
        return (lrs[index] / 10, index);
    }

    /// <summary>Below this <see cref="Drop"/> the curve is too flat for a suggestion to mean more than noise.</summary>
    public const double FlatDrop = 0.10;

    /// <summary>
    /// The fraction by which the loss falls from the curve's first point to its minimum. A curve that barely falls
    /// (lesson 4's MSE fell 5 %) has its steepest slope and longest valley in noise.
    /// </summary>
    public static double Drop(IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count == 0 || !(losses[0] > 0)) return double.NaN;
        return (losses[0] - losses.Min()) / losses[0];
    }

    /// <summary>
    /// The loss the plotted curve passes through at <paramref name="lr"/>, interpolated linearly in log(lr) between
    /// the neighbouring points (clamped to the curve's ends), so a suggestion's marker sits on the curve.
    /// </summary>
    public static double LossAt(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, double lr)
    {
        Check(lrs, losses);
        if (lr <= lrs[0]) return losses[0];
        for (var i = 1; i < lrs.Count; i++)
        {
            if (lr > lrs[i]) continue;
            var t = (Math.Log(lr) - Math.Log(lrs[i - 1])) / (Math.Log(lrs[i]) - Math.Log(lrs[i - 1]));
            return losses[i - 1] + t * (losses[i] - losses[i - 1]);
        }
        return losses[^1];
    }

    private static void Check(IReadOnlyList<double> lrs, IReadOnlyList<double> losses)
    {
        if (lrs.Count != losses.Count) throw new ArgumentException($"Got {lrs.Count} learning rates but {losses.Count} losses.");
        if (losses.Count < 2)
            throw new ArgumentException($"An lr_find curve needs at least 2 points to suggest a rate, got {losses.Count}; run more iterations (numIt) or a wider range.");
    }
}
