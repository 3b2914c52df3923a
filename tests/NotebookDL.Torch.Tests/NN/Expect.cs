namespace NotebookDL.Torch.Tests.NN;

/// <summary>Assertions comparing our tensors with PyTorch's.</summary>
internal static class Expect
{
    /// <summary>Same shape and every element within <paramref name="tolerance"/> (absolute, plus relative for large values).</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance = 1e-4, string what = "")
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}] differs from PyTorch's [{string.Join(", ", expected.shape)}].");
        var e = expected.ToArray<double>();
        var a = actual.ToArray<double>();
        for (var i = 0; i < e.Length; i++)
        {
            var allowed = tolerance * Math.Max(1, Math.Abs(e[i]));
            Assert.True(Math.Abs(e[i] - a[i]) <= allowed || (double.IsNaN(e[i]) && double.IsNaN(a[i])),
                $"{what}: element {i} is {a[i]}, PyTorch has {e[i]} (tolerance {allowed}).");
        }
    }
}
