
namespace NotebookDL.Vision.Augment;

/// <summary>
/// A 2-D affine map in grid_sample's normalised coordinates ([-1, 1], x to the right, y down), stored as the top two
/// rows of a 3x3 matrix whose last row is (0, 0, 1). It maps an OUTPUT location to the INPUT location sampled there:
/// (x_in, y_in) = (A x + B y + C, D x + E y + F) — the convention of affine_grid and of fastai's matrices.
/// Products compose as in fastai: <c>m1 * m2</c> applies m2 to the output coordinates first, then m1.
/// </summary>
public readonly record struct AffineMatrix(double A, double B, double C, double D, double E, double F)
{
    /// <summary>The map that samples every pixel where it already is.</summary>
    public static AffineMatrix Identity => new(1, 0, 0, 0, 1, 0);

    /// <summary>Horizontal mirror (x → -x), fastai's flip_mat.</summary>
    public static AffineMatrix FlipHorizontal => new(-1, 0, 0, 0, 1, 0);

    /// <summary>
    /// fastai's rotate_mat for <paramref name="degrees"/>: [[cos, sin, 0], [-sin, cos, 0]]. With y pointing down a
    /// positive angle turns the picture clockwise on screen (90° equals transpose-then-mirror).
    /// </summary>
    public static AffineMatrix Rotation(double degrees)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        return new(cos, sin, 0, -sin, cos, 0);
    }

    /// <summary>
    /// fastai's zoom_mat: magnifies by <paramref name="zoom"/> (2 shows the central half, enlarged) around a centre
    /// placed by <paramref name="colPct"/>, <paramref name="rowPct"/> in [0, 1] (0.5, 0.5 is the image centre) so that
    /// the zoomed window always stays inside the image.
    /// </summary>
    public static AffineMatrix Zoom(double zoom, double colPct = 0.5, double rowPct = 0.5)
    {
        if (!(zoom > 0)) throw new ArgumentOutOfRangeException(nameof(zoom), zoom, "Zoom must be positive.");
        var s = 1 / zoom;
        return new(s, 0, (1 - s) * (2 * colPct - 1), 0, s, (1 - s) * (2 * rowPct - 1));
    }

    /// <summary>
    /// The <paramref name="k"/>-th of the 8 symmetries of the square (0 identity, 1 mirror x, 2 mirror y, 3 rotate 180°,
    /// 4 transpose, 5 anti-transpose, 6 and 7 the two quarter turns), as fastai's Dihedral draws them.
    /// </summary>
    public static AffineMatrix Dihedral(int k) => k switch
    {
        0 => Identity,
        1 => new(-1, 0, 0, 0, 1, 0),
        2 => new(1, 0, 0, 0, -1, 0),
        3 => new(-1, 0, 0, 0, -1, 0),
        4 => new(0, 1, 0, 1, 0, 0),
        5 => new(0, -1, 0, -1, 0, 0),
        6 => new(0, 1, 0, -1, 0, 0),
        7 => new(0, -1, 0, 1, 0, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "A dihedral index is in 0..7."),
    };

    /// <summary>Matrix product (3x3 with an implicit last row 0, 0, 1).</summary>
    public static AffineMatrix operator *(AffineMatrix l, AffineMatrix r) => new(
        l.A * r.A + l.B * r.D, l.A * r.B + l.B * r.E, l.A * r.C + l.B * r.F + l.C,
        l.D * r.A + l.E * r.D, l.D * r.B + l.E * r.E, l.D * r.C + l.E * r.F + l.F);

    /// <summary>True when this map leaves every location where it is.</summary>
    public bool IsIdentity => this == Identity;

    /// <summary>
    /// Corrects the off-diagonal terms for a non-square image (fastai's _prepare_mat): normalised x and y have
    /// different pixel lengths, so a rotation must scale them by h/w and w/h to stay a rotation in pixels.
    /// </summary>
    public AffineMatrix ForAspect(long height, long width) =>
        this with { B = B * height / width, D = D * width / height };

    /// <summary>The (N, 2, 3) theta tensor affine_grid takes, in <paramref name="dtype"/> on <paramref name="device"/>.</summary>
    public static Tensor ToTheta(IReadOnlyList<AffineMatrix> matrices, ScalarType dtype, Device device)
    {
        var data = new double[matrices.Count * 6];
        for (var i = 0; i < matrices.Count; i++)
        {
            var m = matrices[i];
            (data[i * 6], data[i * 6 + 1], data[i * 6 + 2]) = (m.A, m.B, m.C);
            (data[i * 6 + 3], data[i * 6 + 4], data[i * 6 + 5]) = (m.D, m.E, m.F);
        }
        return torch.tensor(data, new long[] { matrices.Count, 2, 3 }, dtype, device);
    }
}
