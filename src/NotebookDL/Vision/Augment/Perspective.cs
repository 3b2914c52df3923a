
namespace NotebookDL.Vision.Augment;

/// <summary>
/// Projective (perspective) maps of the plane as 3x3 matrices H, (x', y') = (H·(x, y, 1)) / its third component,
/// with H[2, 2] = 1. Used by <see cref="Warp"/> to bend the sampling grid.
/// </summary>
public static class Perspective
{
    /// <summary>
    /// The map sending each of the four points <paramref name="from"/> onto the matching point of
    /// <paramref name="to"/>: eight linear equations in the eight unknown entries, solved exactly.
    /// </summary>
    public static double[,] FromPoints(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to)
    {
        if (from.Count != 4 || to.Count != 4)
            throw new ArgumentException($"A perspective map is fixed by 4 point pairs, got {from.Count} and {to.Count}.");
        // For h = (h0..h7): x' (h6 x + h7 y + 1) = h0 x + h1 y + h2, and the same for y' with h3..h5.
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            double[] rowX = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowY = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++) (a[2 * i, j], a[2 * i + 1, j]) = (rowX[j], rowY[j]);
        }
        var h = Solve(a);
        return new double[,] { { h[0], h[1], h[2] }, { h[3], h[4], h[5] }, { h[6], h[7], 1 } };
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting on an n x (n + 1) augmented matrix.</summary>
    private static double[] Solve(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (Math.Abs(a[pivot, col]) < 1e-12)
                throw new ArgumentException("The four points are degenerate (three on a line); no perspective map joins them.");
            for (var j = 0; j <= n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var f = a[r, col] / a[col, col];
                for (var j = col; j <= n; j++) a[r, j] -= f * a[col, j];
            }
        }
        var solution = new double[n];
        for (var i = 0; i < n; i++) solution[i] = a[i, n] / a[i, i];
        return solution;
    }

    /// <summary>
    /// Maps every location of <paramref name="grid"/> (N, H, W, 2) by its image's matrix (one per image) and returns
    /// the new grid (N, H, W, 2) in the grid's dtype.
    /// </summary>
    public static Tensor Apply(Tensor grid, IReadOnlyList<double[,]> matrices)
    {
        var n = grid.shape[0];
        if (grid.ndim != 4 || grid.shape[3] != 2 || matrices.Count != n)
            throw new ArgumentException($"Perspective.Apply needs a (N, H, W, 2) grid and N matrices, got grid [{string.Join(", ", grid.shape)}] and {matrices.Count} matrices.");
        var data = new double[n * 9];
        for (var i = 0; i < n; i++)
            for (var r = 0; r < 3; r++)
                for (var c = 0; c < 3; c++) data[i * 9 + r * 3 + c] = matrices[i][r, c];
        using var h = torch.tensor(data, new long[] { n, 3, 3 }, grid.dtype, grid.device);
        using var points = grid.reshape(n, -1, 2);
        using var linear = h.narrow(2, 0, 2);
        using var linearT = linear.transpose(1, 2);                   // (N, 2, 3)
        using var shiftColumn = h.narrow(2, 2, 1);
        using var shift = shiftColumn.transpose(1, 2);                // (N, 1, 3)
        using var product = points.bmm(linearT);
        using var homogeneous = product.add(shift);                   // (N, H*W, 3): H·(x, y, 1) per location
        using var xy = homogeneous.narrow(2, 0, 2);
        using var w = homogeneous.narrow(2, 2, 1);
        using var projected = xy.div(w);
        return projected.reshape(grid.shape);
    }
}
