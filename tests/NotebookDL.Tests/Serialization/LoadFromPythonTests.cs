using System.Text.Json;

namespace NotebookDL.Optim.Tests.Serialization;

/// <summary>
/// Files written by Python's torch.save load here with every key, dtype, shape and element byte intact. Python also
/// writes each tensor's contiguous bytes to a side file, which is the expected value.
/// </summary>
public sealed class LoadFromPythonTests
{
    private const string WriteScript = """
        import json, os, sys, torch
        import torch.nn as nn
        out = sys.argv[1]
        torch.manual_seed(0)
        model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 5))
        model.train(); model(torch.randn(2, 3, 8, 8))   # running stats and num_batches_tracked move off their defaults
        torch.save(model.state_dict(), os.path.join(out, "model.pt"))

        base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
        odd = {
            "f64": torch.randn(3, 2, dtype=torch.float64),
            "f16": torch.randn(5).half(),
            "bf16": torch.randn(2, 3).bfloat16(),
            "i64": torch.tensor([-(2**40), 0, 2**40]),
            "i32": torch.tensor([[-7, 8], [9, -10]], dtype=torch.int32),
            "i16": torch.tensor([-300, 300], dtype=torch.int16),
            "i8": torch.tensor([-128, 127], dtype=torch.int8),
            "u8": torch.tensor([0, 255, 17], dtype=torch.uint8),
            "bool": torch.tensor([True, False, True]),
            "scalar": torch.tensor(3.5),
            "empty": torch.zeros(0, 3),
            "transposed": base.t(),              # non-contiguous: stride (1, 6)
            "sliced": base[1:3, ::2],             # storage offset 6, stride (6, 2)
            "base": base,                         # shares its storage with the two views above
        }
        torch.save(odd, os.path.join(out, "odd.pt"))

        manifest = {}
        for name, sd in (("model", model.state_dict()), ("odd", odd)):
            for k, v in sd.items():
                c = v.contiguous()
                raw = (c.view(torch.int16) if c.dtype == torch.bfloat16 else c).numpy().tobytes()
                fname = f"{name}.{k}.bin"
                with open(os.path.join(out, fname), "wb") as f: f.write(raw)
                manifest.setdefault(name, []).append({"key": k, "dtype": str(v.dtype).replace("torch.", ""), "shape": list(v.shape), "file": fname})
        with open(os.path.join(out, "manifest.json"), "w") as f: json.dump(manifest, f)
        """;

    [Fact]
    public void EveryTensorOfPythonFilesMatchesPythonsBytes()
    {
        using var dir = new TempDir();
        PythonProcess.Run(WriteScript, dir.Path);
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File("manifest.json")));
        var checkedTensors = 0;
        foreach (var file in manifest.RootElement.EnumerateObject())
        {
            var loaded = PyTorchFiles.Load(dir.File(file.Name + ".pt"));
            try
            {
                var expected = file.Value.EnumerateArray().ToList();
                // Same keys in the same order as Python's OrderedDict.
                Assert.Equal(expected.Select(e => e.GetProperty("key").GetString()), loaded.Keys);
                foreach (var e in expected)
                {
                    var key = e.GetProperty("key").GetString()!;
                    var t = loaded[key];
                    Assert.Equal(e.GetProperty("dtype").GetString(), t.dtype.TorchName());
                    Assert.Equal(e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()), t.shape);
                    Assert.True(File.ReadAllBytes(dir.File(e.GetProperty("file").GetString()!)).SequenceEqual(TensorFiles.Bytes(t)), $"bytes of {file.Name}.{key}");
                    checkedTensors++;
                }
            }
            finally
            {
                foreach (var t in loaded.Values) t.Dispose();
            }
        }
        // 2 conv + 5 batch-norm + 2 linear entries, and 14 odd ones.
        Assert.Equal(9 + 14, checkedTensors);
    }

    [Fact]
    public void ViewsOfASharedStorageKeepTheirOwnValues()
    {
        using var dir = new TempDir();
        PythonProcess.Run("""
            import sys, torch
            base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
            torch.save({"t": base.t(), "s": base[1:3, ::2]}, sys.argv[1])
            """, dir.File("views.pt"));
        var loaded = PyTorchFiles.Load(dir.File("views.pt"));
        // Values from the definition: base[i, j] = 6i + j.
        var transposed = Enumerable.Range(0, 6).SelectMany(j => Enumerable.Range(0, 4).Select(i => (float)(6 * i + j))).ToArray();
        Assert.Equal(transposed, loaded["t"].ToArray<float>());
        Assert.Equal(new float[] { 6, 8, 10, 12, 14, 16 }, loaded["s"].ToArray<float>());
        foreach (var t in loaded.Values) t.Dispose();
    }
}
