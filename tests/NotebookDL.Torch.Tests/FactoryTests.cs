namespace NotebookDL.Torch.Tests;

public class FactoryTests
{
    [Fact]
    public void Arrays_of_every_rank_keep_shape_dtype_and_row_major_order()
    {
        using var v = tensor(new[] { 1.5, 2.5 });
        Assert.Equal(new long[] { 2 }, v.shape);
        Assert.Equal(float64, v.dtype);

        using var m = tensor(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new long[] { 2, 3 }, m.shape);
        Assert.Equal(int64, m.dtype);
        Assert.Equal(6L, m[1, 2].item<long>());

        var cube = new byte[2, 3, 4];
        cube[1, 2, 3] = 200;
        using var c = tensor(cube);
        Assert.Equal(uint8, c.dtype);
        Assert.Equal(200, c[1, 2, 3].item<byte>());

        var four = new float[2, 1, 2, 2];
        four[1, 0, 1, 0] = 7f;
        using var f = tensor(four);
        Assert.Equal(new long[] { 2, 1, 2, 2 }, f.shape);
        Assert.Equal(7f, f.ToArray<float>()[1 * 4 + 1 * 2 + 0]);
    }

    [Fact]
    public void Span_with_shape_and_scalar_and_dtype_conversion()
    {
        ReadOnlySpan<int> data = [1, 2, 3, 4, 5, 6];
        using var t = tensor(data, [3, 2], dtype: float32);
        Assert.Equal(float32, t.dtype);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.ToArray<float>());

        using var s = tensor(3.25f);
        Assert.Equal(0, s.ndim);
        Assert.Equal(3.25f, s.item<float>());

        using var b = tensor(new[] { true, false });
        Assert.Equal(@bool, b.dtype);
        Assert.Equal(new[] { true, false }, b.ToArray<bool>());
    }

    [Fact]
    public void Span_that_does_not_fill_the_shape_is_rejected_naming_both()
    {
        var e = Assert.Throws<ArgumentException>(() => tensor(new float[5], new long[] { 2, 3 }));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("5", e.Message);
    }

    [Fact]
    public void Constant_factories()
    {
        using var z = zeros(2, 3);
        Assert.All(z.ToArray<float>(), v => Assert.Equal(0f, v));
        using var o = ones(new long[] { 4 }, dtype: int32);
        Assert.Equal(new[] { 1, 1, 1, 1 }, o.ToArray<int>());
        using var f = full(new long[] { 2 }, 7);
        Assert.Equal(int64, f.dtype);
        using var ff = full(new long[] { 2 }, 0.5);
        Assert.Equal(float32, ff.dtype);
        Assert.Equal(new[] { 0.5f, 0.5f }, ff.ToArray<float>());
        using var e = empty(3, 4);
        Assert.Equal(new long[] { 3, 4 }, e.shape);
        using var i = eye(3);
        Assert.Equal(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, i.ToArray<float>());
        using var r = eye(2, 3);
        Assert.Equal(new long[] { 2, 3 }, r.shape);
    }

    [Fact]
    public void Ranges_follow_pytorch_dtype_rules()
    {
        using var a = arange(5);
        Assert.Equal(int64, a.dtype);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, a.ToArray<long>());
        using var b = arange(0, 1, 0.25);
        Assert.Equal(float32, b.dtype);
        Assert.Equal(new[] { 0f, 0.25f, 0.5f, 0.75f }, b.ToArray<float>());
        using var l = linspace(0, 1, 5);
        Assert.Equal(new[] { 0f, 0.25f, 0.5f, 0.75f, 1f }, l.ToArray<float>());
    }

    [Fact]
    public void Random_factories_are_reproducible_with_manual_seed_and_in_range()
    {
        manual_seed(42);
        using var a = randn(100);
        manual_seed(42);
        using var b = randn(100);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());

        using var u = rand(1000);
        Assert.All(u.ToArray<float>(), v => Assert.InRange(v, 0f, 1f));

        using var ri = randint(3, 7, new long[] { 1000 });
        Assert.Equal(int64, ri.dtype);
        var ints = ri.ToArray<long>();
        Assert.All(ints, v => Assert.InRange(v, 3L, 6L));
        Assert.Equal(4, ints.Distinct().Count());

        using var p = randperm(10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), p.ToArray<long>().OrderBy(v => v));
    }

    [Fact]
    public void Like_factories_copy_shape_dtype_and_device()
    {
        using var src = ones(new long[] { 2, 5 }, dtype: float64);
        using var z = zeros_like(src);
        Assert.Equal(src.shape, z.shape);
        Assert.Equal(float64, z.dtype);
        using var o = ones_like(src, dtype: int32);
        Assert.Equal(int32, o.dtype);
        using var f = full_like(src, 3);
        Assert.All(f.ToArray<double>(), v => Assert.Equal(3.0, v));
        using var r = rand_like(src);
        Assert.Equal(float64, r.dtype);
        using var n = randn_like(src);
        Assert.Equal(new long[] { 2, 5 }, n.shape);
        using var e = empty_like(src);
        Assert.Equal(src.shape, e.shape);
    }

    [Fact]
    public void All_ten_dtypes_round_trip()
    {
        foreach (var dtype in new[] { float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, @bool })
        {
            using var t = tensor(new float[] { 0, 1, 2 }, dtype: dtype);
            Assert.Equal(dtype, t.dtype);
            var expected = dtype == @bool ? new float[] { 0, 1, 1 } : new float[] { 0, 1, 2 };
            Assert.Equal(expected, t.ToArray<float>());
        }
        using var h = tensor(new[] { (Half)1.5 });
        Assert.Equal(float16, h.dtype);
        Assert.Equal((Half)1.5, h.item<Half>());
    }
}
