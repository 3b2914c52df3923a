using System.Text.Json;

namespace NotebookDL.Optim.Tests.Serialization;

/// <summary>
/// Files written by torch.save here load in Python's torch.load with the expected keys, dtypes, shapes and values,
/// and are laid out as PyTorch lays out its own (stored entries, data 64-byte aligned, version "3").
/// </summary>
public sealed class SaveForPythonTests
{
    // Python rebuilds the expected tensors from the same definitions and compares exactly; any difference exits 1.
    private const string CheckScript = """
        import json, sys, zipfile, struct, torch
        path, expected_path = sys.argv[1], sys.argv[2]
        expected = json.load(open(expected_path))
        sd = torch.load(path)
        errors = []
        if list(sd.keys()) != [e["key"] for e in expected]:
            errors.append(f"keys {list(sd.keys())}")
        for e in expected:
            t = sd[e["key"]]
            dtype = getattr(torch, e["dtype"])
            want = torch.tensor(e["values"], dtype=torch.float64).reshape(e["shape"]).to(dtype)
            if t.dtype != dtype: errors.append(f"{e['key']}: dtype {t.dtype}")
            elif list(t.shape) != e["shape"]: errors.append(f"{e['key']}: shape {list(t.shape)}")
            elif not torch.equal(t, want): errors.append(f"{e['key']}: values {t} != {want}")
        z = zipfile.ZipFile(path)
        with open(path, "rb") as f: raw = f.read()
        for info in z.infolist():
            name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26: info.header_offset + 30])
            start = info.header_offset + 30 + name_len + extra_len
            if info.compress_type != zipfile.ZIP_STORED: errors.append(f"{info.filename} is compressed")
            if start % 64 != 0: errors.append(f"{info.filename} data at {start}, not 64-aligned")
        if z.read("archive/version") != b"3\n": errors.append("version record")
        if errors:
            print("\n".join(errors), file=sys.stderr); sys.exit(1)
        print(len(expected))
        """;

    [Fact]
    public void PythonLoadsEveryDtypeShapeAndValue()
    {
        using var dir = new TempDir();
        using var scope = torch.NewDisposeScope();
        var grid = torch.arange(12, dtype: float32).reshape(3, 4);
        var entries = new (string Key, Tensor T, double[] Values)[]
        {
            ("f32", torch.tensor(new float[] { 1.5f, -2.25f, 3e-8f }), [1.5, -2.25, (double)3e-8f]),
            ("f64", torch.tensor(new[] { Math.PI, -1e300 }), [Math.PI, -1e300]),
            ("f16", torch.tensor(new float[] { 0.5f, -65504f }, dtype: float16), [0.5, -65504]),
            ("bf16", torch.tensor(new float[] { 1f, -3.140625f }, dtype: bfloat16), [1, -3.140625]),
            ("i64", torch.tensor(new[] { -(1L << 60), (1L << 40) + 1 }), [-(1L << 60), (1L << 40) + 1]),  // exact as JSON doubles
            ("i32", torch.tensor(new[] { int.MinValue, 7 }), [int.MinValue, 7]),
            ("i16", torch.tensor(new short[] { -300, 300 }), [-300, 300]),
            ("i8", torch.tensor(new sbyte[] { -128, 127 }), [-128, 127]),
            ("u8", torch.tensor(new byte[] { 0, 255 }), [0, 255]),
            ("bool", torch.tensor(new[] { true, false }), [1, 0]),
            ("scalar", torch.tensor(2.5f), [2.5]),
            ("empty", torch.zeros(0, 2), []),
            // A non-contiguous view is written as its logical (transposed) values.
            ("transposed", grid.t(), [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]),
            ("big_dim", torch.zeros([70000, 1], dtype: int8), new double[70000]),
        };
        var state = entries.ToDictionary(e => e.Key, e => e.T);
        PyTorchFiles.Save(state, dir.File("ours.pt"));
        var expected = entries.Select(e => new { key = e.Key, dtype = e.T.dtype.TorchName(), shape = e.T.shape, values = e.Values });
        File.WriteAllText(dir.File("expected.json"), JsonSerializer.Serialize(expected));

        var output = PythonProcess.Run(CheckScript, dir.File("ours.pt"), dir.File("expected.json"));
        Assert.Equal(entries.Length.ToString(), output.Trim());
    }

    [Fact]
    public void APythonStateDictSurvivesLoadAndSaveHere()
    {
        using var dir = new TempDir();
        PythonProcess.Run("""
            import sys, torch, torch.nn as nn
            torch.manual_seed(1)
            m = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4, 2))
            torch.save(m.state_dict(), sys.argv[1])
            """, dir.File("python.pt"));
        var loaded = PyTorchFiles.Load(dir.File("python.pt"));
        PyTorchFiles.Save(loaded, dir.File("resaved.pt"));
        foreach (var t in loaded.Values) t.Dispose();

        var output = PythonProcess.Run("""
            import sys, torch
            a, b = torch.load(sys.argv[1]), torch.load(sys.argv[2])
            assert list(a.keys()) == list(b.keys()), (list(a.keys()), list(b.keys()))
            for k in a:
                assert a[k].dtype == b[k].dtype and torch.equal(a[k], b[k]), k
            m = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.ReLU(), torch.nn.Flatten(), torch.nn.Linear(4, 2))
            m.load_state_dict(b)   # strict: every key and shape must fit the module
            print(len(b))
            """, dir.File("python.pt"), dir.File("resaved.pt"));
        Assert.Equal("9", output.Trim());
    }

    [Fact]
    public void SaveThenLoadHereIsExact()
    {
        using var dir = new TempDir();
        using var scope = torch.NewDisposeScope();
        var state = new Dictionary<string, Tensor>
        {
            ["w"] = torch.randn(3, 5).t(),
            ["b"] = torch.randn([4], dtype: bfloat16),
            ["n"] = torch.tensor(123456789012L),
        };
        PyTorchFiles.Save(state, dir.File("x.pt"));
        var loaded = PyTorchFiles.Load(dir.File("x.pt"));
        Assert.Equal(state.Keys, loaded.Keys);
        foreach (var (k, t) in state)
        {
            Assert.Equal(t.dtype, loaded[k].dtype);
            Assert.Equal(t.shape, loaded[k].shape);
            Assert.Equal(TensorFiles.Bytes(t), TensorFiles.Bytes(loaded[k]));
        }
    }
}
