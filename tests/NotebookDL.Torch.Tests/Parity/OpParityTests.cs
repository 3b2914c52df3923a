using System.Globalization;
using System.Text;

namespace NotebookDL.Torch.Tests.Parity;

/// <summary>
/// Parity with PyTorch itself: every case of <see cref="ParityCases"/> runs in C# and in Debian's torch 1.13
/// (/usr/bin/python3, tests/parity/torch_parity.py) on the same random inputs. Outputs must have the same shape
/// and dtype; floating values must satisfy |c# - torch| &lt;= atol + rtol·|torch| (1e-5 / 1e-5 unless a case says
/// otherwise, NaN only where torch has NaN, infinities equal); integers and bools must be equal.
/// </summary>
[Trait("Category", "Parity")]
public sealed class OpParityTests(PythonTorchFixture python) : IClassFixture<PythonTorchFixture>
{
    public static TheoryData<string> OpNames => Names(ParityCases.Ops);
    public static TheoryData<string> GradNames => Names(ParityCases.Grads);
    public static TheoryData<string> PrintNames => Names(ParityCases.Prints);

    private static TheoryData<string> Names(IEnumerable<ParityCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases) data.Add(c.Name);
        return data;
    }

    private static ParityCase Find(string name) => ParityCases.All.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Op(string name) => CompareOutputs(Find(name));

    [Theory]
    [MemberData(nameof(GradNames))]
    public void Gradient(string name) => CompareOutputs(Find(name));

    [Theory]
    [MemberData(nameof(PrintNames))]
    public void Print(string name)
    {
        var c = Find(name);
        using var scope = NewDisposeScope();
        var text = c.Compute(python.Inputs(c))[0].ToString();
        var expected = python.Text(c);
        Assert.True(expected == text, $"[{name}] ToString differs from PyTorch's str(t).\n--- torch:\n{expected}\n--- C#:\n{text}\n--- first difference at char {FirstDifference(expected, text)}");
    }

    [Fact]
    public void TablesCoverEnoughOps()
    {
        // The issue asks for at least 60 ops and 15 composite gradients.
        Assert.True(ParityCases.Ops.Length >= 60, $"only {ParityCases.Ops.Length} op cases");
        Assert.True(ParityCases.Grads.Length >= 15, $"only {ParityCases.Grads.Length} gradient cases");
        Assert.Contains(ParityCases.Grads, c => c.Kind == CaseKind.GradCustom);
        Assert.StartsWith("1.13", python.TorchVersion);
    }

    [Fact]
    public void HelperFailsLoudlyOnUnknownCaseName()
    {
        using var dir = new TempDir("nbdl-parity-unknown-");
        File.WriteAllText(dir.File("manifest.json"),
            """{"cases": [{"name": "no_such_op_xyz", "kind": "op", "inputs": []}]}""");
        var (exit, _, stderr) = PythonTorchFixture.RunHelper(dir.Path);
        Assert.NotEqual(0, exit);
        Assert.Contains("no_such_op_xyz", stderr);
        Assert.False(File.Exists(dir.File("results.json")), "no results may be written when a name is unknown");
    }

    [Fact]
    public void ComparisonDetectsAWrongValue()
    {
        // Guards the comparer itself: a perturbation just above tolerance must be reported.
        var c = Find("exp");
        using var scope = NewDisposeScope();
        var expected = python.Outputs(c)[0];
        var bad = ParityData.Decode(expected.Data, expected.Dtype, expected.Shape);
        bad = bad.clone();
        var first = bad.flatten()[0].item<float>();
        bad.flatten().IndexPut([0], first * (1 + 5e-5) + 1e-4);
        Assert.NotNull(Compare(c, 0, bad, expected));
        Assert.Null(Compare(c, 0, ParityData.Decode(expected.Data, expected.Dtype, expected.Shape), expected));
    }

    private void CompareOutputs(ParityCase c)
    {
        using var scope = NewDisposeScope();
        var inputs = python.Inputs(c);
        var outputs = c.Compute(inputs).ToList();
        if (c.Kind == CaseKind.Grad)
        {
            var loss = outputs[0];
            Assert.True(loss.numel() == 1, $"[{c.Name}] the loss must be a scalar, got shape [{string.Join(", ", loss.shape)}]");
            loss.backward();
            for (var i = 0; i < inputs.Length; i++)
            {
                if (!c.Inputs[i].RequiresGrad) continue;
                outputs.Add(inputs[i].grad ?? throw new Xunit.Sdk.XunitException($"[{c.Name}] input {i} requires grad but got no .grad"));
            }
        }
        var expected = python.Outputs(c);
        Assert.True(expected.Count == outputs.Count, $"[{c.Name}] C# produced {outputs.Count} outputs, PyTorch {expected.Count}");
        var failures = new List<string>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var problem = Compare(c, i, outputs[i], expected[i]);
            if (problem is not null) failures.Add(problem);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>null when output <paramref name="index"/> matches PyTorch's, otherwise a description of the mismatch.</summary>
    private static string? Compare(ParityCase c, int index, Tensor actual, (ScalarType Dtype, long[] Shape, byte[] Data) expected)
    {
        var what = c.Kind == CaseKind.Grad && index > 0 ? $"grad #{index}" : $"output {index}";
        var prefix = $"[{c.Name}] {what}:";
        if (!actual.shape.SequenceEqual(expected.Shape))
            return $"{prefix} shape [{string.Join(", ", actual.shape)}], torch has [{string.Join(", ", expected.Shape)}]";
        if (actual.dtype != expected.Dtype)
            return $"{prefix} dtype {actual.dtype.TorchName()}, torch has {expected.Dtype.TorchName()}";
        var a = ParityData.ToDoubles(actual);
        var e = ParityData.ToDoubles(expected.Data, expected.Dtype);
        var exact = !expected.Dtype.IsFloatingPoint();
        var bad = new StringBuilder();
        var count = 0;
        var worst = 0.0;
        for (var k = 0; k < e.Length; k++)
        {
            if (Close(a[k], e[k], exact, c.Rtol, c.Atol)) continue;
            count++;
            worst = Math.Max(worst, Math.Abs(a[k] - e[k]));
            if (count <= 5) bad.Append(CultureInfo.InvariantCulture, $"\n    at flat index {k}: C# {a[k]:R}, torch {e[k]:R}");
        }
        if (count == 0) return null;
        var tolerance = exact ? "exact" : $"rtol {c.Rtol:g}, atol {c.Atol:g}";
        return $"{prefix} {count} of {e.Length} elements differ ({tolerance}; max |diff| {worst:g}):{bad}";
    }

    private static bool Close(double actual, double expected, bool exact, double rtol, double atol)
    {
        if (exact) return actual == expected;
        if (double.IsNaN(expected) || double.IsNaN(actual)) return double.IsNaN(expected) && double.IsNaN(actual);
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return actual == expected;
        return Math.Abs(actual - expected) <= atol + rtol * Math.Abs(expected);
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
            if (a[i] != b[i]) return i;
        return n;
    }
}
