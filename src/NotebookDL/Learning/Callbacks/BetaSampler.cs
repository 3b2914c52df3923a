namespace NotebookDL.Learning;

/// <summary>
/// Draws from Beta(α, β) as X/(X+Y) with X ~ Gamma(α), Y ~ Gamma(β), using Marsaglia and Tsang's Gamma sampler
/// (the torch build has no distributions module; MixUp needs only a few draws per batch).
/// </summary>
internal sealed class BetaSampler(double alpha, double beta, Random random)
{
    public double Next()
    {
        var x = Gamma(alpha);
        var y = Gamma(beta);
        return x / (x + y);
    }

    private double Gamma(double shape)
    {
        // Shape < 1: sample Gamma(shape + 1) and scale by U^(1/shape) (Marsaglia and Tsang's boost).
        if (shape < 1) return Gamma(shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    private double Normal()
    {
        // Box-Muller; 1 - NextDouble() avoids log(0).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
