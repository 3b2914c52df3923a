using System.Text.Json;
using NotebookDL.TestSupport;
using F = TorchSharp.torch.nn.functional;

namespace NotebookDL.Engine.Tests;

/// <summary>
/// The contract NotebookDL relies on from TorchSharp: the ops under its layers (convolution, pooling, batch norm with
/// running statistics, losses, the augmentation's affine_grid/grid_sample, interpolation, embeddings, and gradients)
/// give python3-torch's results on the same inputs. contract.py computes the same list in Python; inputs come from a
/// formula both sides evaluate, so no tensors travel between the processes.
/// </summary>
public class ContractTests
{
    private static readonly Lazy<Dictionary<string, float[]>> Expected = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, float[]>>(
            PythonProcess.RunFile(Path.Combine(AppContext.BaseDirectory, "contract.py")))!);

    private static Tensor Inp(int seed, params long[] shape) =>
        sin(arange(shape.Aggregate(1L, (a, b) => a * b), dtype: ScalarType.Float32) * 0.37 + seed).reshape(shape);

    private static Tensor X => Inp(1, 2, 3, 8, 8);

    public static TheoryData<string> Names() =>
    [
        "conv2d", "linear", "max_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d", "batch_norm_train",
        "batch_norm_running_var", "cross_entropy", "log_softmax", "affine_grid", "grid_sample", "interpolate_bilinear",
        "embedding", "conv2d_grad_input", "conv2d_grad_weight",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void Matches_python_torch(string name)
    {
        using var scope = NewDisposeScope();
        var actual = Compute(name).contiguous().reshape(-1).data<float>().ToArray();
        var expected = Expected.Value[name];
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 + 1e-5 * Math.Abs(expected[i]),
                $"{name}[{i}]: python3-torch {expected[i]}, TorchSharp {actual[i]}");
    }

    private static Tensor Compute(string name)
    {
        var theta = tensor(new float[] { 0.9f, -0.2f, 0.1f, 0.3f, 1.1f, -0.05f, 1, 0, 0, 0, 1, 0 }).reshape(2, 2, 3);
        var grid = F.affine_grid(theta, [2, 3, 8, 8], align_corners: true);
        var logits = Inp(9, 6, 5);
        var target = tensor(new long[] { 0, 4, 2, 1, 3, 4 });
        switch (name)
        {
            case "conv2d": return F.conv2d(X, Inp(2, 4, 3, 3, 3) * 0.2, Inp(3, 4), strides: [2, 2], padding: [1, 1]);
            case "linear": return F.linear(Inp(4, 5, 6), Inp(5, 3, 6), Inp(6, 3));
            case "max_pool2d": return F.max_pool2d(X, [3, 3], strides: [2, 2], padding: [1, 1]);
            case "adaptive_avg_pool2d": return F.adaptive_avg_pool2d(X, [3, 3]);
            case "adaptive_max_pool2d": return F.adaptive_max_pool2d(X, [1, 1]);
            case "batch_norm_train" or "batch_norm_running_var":
            {
                var (mean, variance) = (zeros(3), ones(3));
                var y = F.batch_norm(X, mean, variance, Inp(7, 3), Inp(8, 3), training: true, momentum: 0.1, eps: 1e-5);
                return name == "batch_norm_train" ? y : variance;
            }
            case "cross_entropy": return F.cross_entropy(logits, target, label_smoothing: 0.1);
            case "log_softmax": return F.log_softmax(logits, 1);
            case "affine_grid": return grid;
            case "grid_sample":
                return F.grid_sample(X, grid, mode: GridSampleMode.Bilinear, padding_mode: GridSamplePaddingMode.Reflection, align_corners: true);
            case "interpolate_bilinear": return F.interpolate(X, size: [5, 11], mode: InterpolationMode.Bilinear, align_corners: false);
            case "embedding": return Inp(10, 4, 5).index_select(0, tensor(new long[] { 1, 0, 3, 2, 2, 1 })).reshape(2, 3, 5);   // nn.Embedding's lookup
            case "conv2d_grad_input" or "conv2d_grad_weight":
            {
                var x = Inp(11, 2, 3, 8, 8).requires_grad_();
                var w = (Inp(12, 4, 3, 3, 3) * 0.2).detach().requires_grad_();
                F.conv2d(x, w, padding: [1, 1]).pow(2).mean().backward();
                return (name == "conv2d_grad_input" ? x.grad : w.grad)!;
            }
            default: throw new ArgumentException(name);
        }
    }
}
