using System.Text.Json;
using NotebookDL.Display.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookDL.Display.Tests.Printing;

/// <summary>
/// TensorPrinter against Python's <c>str(t)</c>: TorchSharp prints tensors its own way, and a notebook should show what
/// PyTorch shows. print_cases.py builds the same tensors from the same formula and prints what PyTorch prints.
/// (TorchSharp does not name autograd nodes, so computed tensors, which PyTorch prints with grad_fn=..., are not compared.)
/// </summary>
public class PrintParityTests
{
    private static readonly Lazy<Dictionary<string, string>> Expected = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            PythonProcess.RunFile(Path.Combine(AppContext.BaseDirectory, "Printing", "print_cases.py")))!);

    private static Tensor Inp(int seed, long[] shape, double scale = 1) =>
        (sin(arange(shape.Aggregate(1L, (a, b) => a * b), dtype: ScalarType.Float32) * 0.37 + seed) * scale).reshape(shape);

    private static Tensor Ints(int seed, long[] shape, double scale, ScalarType dtype = ScalarType.Int64) =>
        Inp(seed, shape, scale).round().to(dtype);

    private static readonly Dictionary<string, Func<Tensor>> Cases = new()
    {
        ["small_float"] = () => Inp(1, [2, 3], 2),
        ["int64"] = () => Ints(2, [2, 4], 700),
        ["int32"] = () => Ints(3, [5], 50, ScalarType.Int32),
        ["bool"] = () => Inp(4, [3, 3]) > 0,
        ["float64"] = () => Inp(5, [4]).to(ScalarType.Float64),
        ["float16"] = () => Inp(6, [4]).to(ScalarType.Float16),
        ["sci_small"] = () => Inp(7, [5]) * 1e-5,
        ["sci_large"] = () => Inp(8, [5]) * 1e9,
        ["integral_floats"] = () => Ints(9, [2, 3], 50).to(ScalarType.Float32),
        ["large_integral_floats"] = () => Ints(10, [2, 3], 1_000_000).to(ScalarType.Float32) * 1000,
        ["three_d"] = () => Inp(11, [2, 3, 4]),
        ["wide_rows"] = () => Inp(12, [2, 20], 100),
        ["summarised_2d"] = () => Inp(13, [40, 30]),
        ["summarised_1d"] = () => Inp(14, [2000]),
        ["summarised_3d"] = () => Inp(15, [10, 10, 12]),
        ["requires_grad"] = () => Inp(16, [3]).requires_grad_(),
        ["scalar"] = () => Inp(17, [2, 2])[0, 0],
        ["nan_inf"] = () => cat([Inp(18, [4]).log(), Inp(18, [4]) / zeros(4)]),
        ["empty"] = () => Inp(19, [3, 2])[.., 0..0],
        ["empty_int64"] = () => Ints(20, [3, 2], 9)[.., 0..0],
        ["empty_1d_bool"] = () => (Inp(21, [4]) > 0)[0..0],
        ["zeros_negzero"] = () => Inp(22, [2, 3]) * 0,
        ["suffix_wrap"] = () => Inp(23, [5]).to(ScalarType.Float64) * 1e-5,
        ["float64_requires_grad"] = () => Inp(24, [3]).to(ScalarType.Float64).requires_grad_(),
        ["wide_int"] = () => Ints(25, [30], 100_000),
        ["all_nan"] = () => (Inp(26, [3]) - 2).log(),
        ["summarised_int"] = () => Ints(27, [1500], 5),
        ["summarised_bool"] = () => Inp(28, [1200]) > 0,
        ["four_d"] = () => Inp(29, [2, 2, 2, 3]),
        ["float64_sci"] = () => Inp(30, [2, 3]).to(ScalarType.Float64) * 1e12,
        ["uint8"] = () => Ints(31, [6], 127).add(128).to(ScalarType.Byte),
        ["int8"] = () => Ints(32, [6], 127, ScalarType.Int8),
        ["one_column_sci"] = () => Inp(33, [3]).unsqueeze(1) * 1e-7,
        ["mixed_magnitudes"] = () => Inp(34, [3, 4]) * tensor(new[] { 1e-3f, 1f, 1e3f, 10f }),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Prints_as_python_torch(string name)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(Expected.Value[name], TensorPrinter.Print(Cases[name]()));
    }
}
