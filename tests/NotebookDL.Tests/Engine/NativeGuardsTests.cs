using System.Text.Json;
using NotebookDL.Engine;
using NotebookDL.TestSupport;

namespace NotebookDL.Tests.Engine;

/// <summary>
/// The guards refuse exactly what PyTorch refuses and give TorchSharp's answer otherwise: each decision is checked
/// against python3-torch on the same shapes and values (the audit, tests/NativeAudit, checks that none aborts).
/// </summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class NativeGuardsTests(PyTorchOracle torch) : IClassFixture<PyTorchOracle>
{
    public static readonly long[][][] MatmulShapes =
    [
        [[3], [3]], [[2, 3], [3]], [[3], [3, 4]], [[2, 3], [3, 4]], [[5, 2, 3], [3, 4]], [[2, 3], [5, 3, 4]],
        [[5, 2, 3], [5, 3, 4]], [[5, 1, 2, 3], [6, 3, 4]], [[5, 2, 3], [6, 3, 4]], [[2, 3], [2, 3]], [[3], [4]],
        [[2, 3], [4]], [[4], [3, 4]], [[], [3]], [[2, 3], []], [[7, 2, 3], [3]], [[3], [7, 3, 2]], [[0, 3], [3, 0]],
    ];

    [Fact]
    public void Matmul_accepts_and_refuses_the_shapes_PyTorch_does()
    {
        var expected = torch.Run($$"""
            shapes = json.loads('{{JsonSerializer.Serialize(MatmulShapes)}}')
            ok = []
            for a, b in shapes:
                try:
                    torch.matmul(torch.ones(a), torch.ones(b)); ok.append(True)
                except RuntimeError:
                    ok.append(False)
            out["ok"] = ok
            """.Replace("json.loads", "__import__('json').loads"));
        var pytorchOk = expected.Value("ok")!.AsArray().Select(n => (bool)n!).ToArray();
        for (var i = 0; i < MatmulShapes.Length; i++)
        {
            using var a = ones(MatmulShapes[i][0]);
            using var b = ones(MatmulShapes[i][1]);
            bool ours;
            try
            {
                using var product = NativeGuards.matmul(a, b);
                using var direct = a.matmul(b); // safe: the guard said it fits
                Assert.Equal(direct.shape, product.shape);
                Assert.True(product.equal(direct).all().item<bool>());
                ours = true;
            }
            catch (ArgumentException ex)
            {
                Assert.StartsWith("matmul: (", ex.Message);
                ours = false;
            }
            Assert.True(pytorchOk[i] == ours, $"{NativeGuards.ShapeText(MatmulShapes[i][0])} @ {NativeGuards.ShapeText(MatmulShapes[i][1])}: PyTorch {(pytorchOk[i] ? "accepts" : "refuses")}, the guard {(ours ? "accepts" : "refuses")}");
        }
    }

    [Fact]
    public void Matmul_message_names_the_operation_and_the_shapes()
    {
        using var a = ones(2, 3);
        var ex = Assert.Throws<ArgumentException>(() => NativeGuards.matmul(a, a));
        Assert.Equal("matmul: (2x3) @ (2x3): inner sizes 3 and 2 differ.", ex.Message);
        using var i = ones(new long[] { 3, 3 }, ScalarType.Int64);
        using var f = ones(3, 3);
        Assert.Contains("same dtype, got Float32 and Int64", Assert.Throws<ArgumentException>(() => NativeGuards.matmul(f, i)).Message);
    }

    [Fact]
    public void Cummax_and_cummin_accept_exactly_the_dims_PyTorch_does()
    {
        long[] dims = [-4, -3, -2, -1, 0, 1, 2, 3];
        var expected = torch.Run("""
            out["ok"] = []
            for shape in ([2, 3],):
                for d in [-4, -3, -2, -1, 0, 1, 2, 3]:
                    try:
                        torch.cummax(torch.ones(shape), d); out["ok"].append(True)
                    except (RuntimeError, IndexError):
                        out["ok"].append(False)
            """).Value("ok")!.AsArray().Select(n => (bool)n!).ToArray();
        var k = 0;
        foreach (var shape in new long[][] { [2, 3] })
            foreach (var d in dims)
            {
                using var x = rand(shape);
                bool ours;
                try
                {
                    var (v, ix) = NativeGuards.cummax(x, d);
                    v.Dispose(); ix.Dispose();
                    ours = true;
                }
                catch (ArgumentOutOfRangeException) { ours = false; }
                Assert.True(expected[k++] == ours, $"cummax of {NativeGuards.ShapeText(shape)} along {d}");
            }
        // A 0-d tensor: PyTorch 1.13 takes any dim, libtorch 2.10 (TorchSharp's) only -1 and 0 ("Expected reduction dim
        // -1 or 0 for scalar but got -5", which aborts): the guard follows the engine it guards.
        using var scalar = tensor(2f);
        foreach (var d in dims)
        {
            if (d is -1 or 0) NativeGuards.cummin(scalar, d).values.Dispose();
            else Assert.Throws<ArgumentOutOfRangeException>(() => NativeGuards.cummin(scalar, d));
        }
    }

    public static readonly object[][] Conversions =
    [
        [1e20, "int"], [2147483647.0, "int"], [2147483648.0, "int"], [-2147483648.0, "int"], [-1.0, "byte"], [255.0, "byte"],
        [256.0, "byte"], [65504.0, "Half"], [65520.0, "Half"], [double.PositiveInfinity, "Half"], [double.NaN, "int"],
        [double.NaN, "float"], [3.5e38, "float"], [double.PositiveInfinity, "long"], [-129.0, "sbyte"], [-128.0, "sbyte"],
    ];

    [Fact]
    public void Scalar_conversions_overflow_where_libtorch_does()
    {
        // PyTorch's Scalar conversion is reached by filling a tensor of the target dtype with a Python float.
        var targets = new Dictionary<string, string> { ["int"] = "int32", ["byte"] = "uint8", ["Half"] = "float16", ["float"] = "float32", ["long"] = "int64", ["sbyte"] = "int8" };
        var cases = string.Join(", ", Conversions.Select(c => $"(float('{c[0]}'), torch.{targets[(string)c[1]]})"));
        var expected = torch.Run($$"""
            out["ok"] = []
            for v, dt in [{{cases}}]:
                try:
                    torch.full([1], v, dtype=dt); out["ok"].append(True)
                except RuntimeError:
                    out["ok"].append(False)
            """).Value("ok")!.AsArray().Select(n => (bool)n!).ToArray();
        for (var i = 0; i < Conversions.Length; i++)
        {
            var value = (double)Conversions[i][0];
            using var s = value.ToScalar();
            Func<object> convert = (string)Conversions[i][1] switch
            {
                "int" => () => NativeGuards.ToInt32(s), "byte" => () => NativeGuards.ToByte(s), "Half" => () => NativeGuards.ToHalf(s),
                "float" => () => NativeGuards.ToSingle(s), "long" => () => NativeGuards.ToInt64(s), _ => () => NativeGuards.ToSByte(s),
            };
            bool ours;
            try { convert(); ours = true; } catch (OverflowException) { ours = false; }
            Assert.True(expected[i] == ours, $"{value:R} to {Conversions[i][1]}: PyTorch {(expected[i] ? "converts" : "refuses")}");
        }
        using var inRange = 42.0.ToScalar();
        Assert.Equal(42, NativeGuards.ToInt32(inRange));
        using var complex = new System.Numerics.Complex(1, 2).ToScalar();
        Assert.Contains("imaginary part", Assert.Throws<OverflowException>(() => NativeGuards.ToDouble(complex)).Message);
    }

    [Fact]
    public void The_out_samplers_fill_the_tensor_instead_of_crashing()
    {
        using var o = empty(1000);
        var r = NativeGuards.rand_out(o, 1000);
        Assert.Same(o, r);
        Assert.True(o.min().item<float>() >= 0 && o.max().item<float>() < 1);
        NativeGuards.randn_out(o, 1000);
        Assert.InRange(o.mean().item<float>(), -0.2f, 0.2f);
        using var ints = empty(new long[] { 1000 }, ScalarType.Int64);
        NativeGuards.randint_out(ints, 5, [1000]);
        Assert.Equal(0, ints.min().item<long>());
        Assert.Equal(4, ints.max().item<long>());
        Assert.Contains("sizes are (3)", Assert.Throws<ArgumentException>(() => NativeGuards.rand_out(o, 3)).Message);
    }

    [Fact]
    public void Thread_and_rng_settings_refuse_what_libtorch_aborts_on()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeGuards.set_num_threads(0));
        using var bad = ones(3);
        Assert.Contains("uint8 CPU tensor", Assert.Throws<ArgumentException>(() => NativeGuards.set_rng_state(bad)).Message);
        using var state = torch_get_rng_state();
        NativeGuards.set_rng_state(state); // a real state is taken
    }

    private static Tensor torch_get_rng_state() => TorchSharp.torch.get_rng_state();
}
