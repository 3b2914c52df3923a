using System.Text.Json.Nodes;

namespace NotebookDL.Torch.Tests.Parity;

/// <summary>
/// Writes the inputs of every parity case to a temp directory (raw little-endian files + manifest.json), runs
/// <c>/usr/bin/python3 tests/parity/torch_parity.py &lt;dir&gt;</c> once (Debian's torch 1.13), and keeps its
/// results for the per-case tests. The C# side recreates each input from the same bytes.
/// </summary>
public sealed class PythonTorchFixture : IDisposable
{
    private readonly TempDir _dir = new("nbdl-parity-");

    public string Directory => _dir.Path;
    public string TorchVersion { get; }
    private readonly Dictionary<string, byte[][]> _inputs = new();
    private readonly Dictionary<string, JsonObject> _results = new();

    public PythonTorchFixture()
    {
        var cases = new JsonArray();
        foreach (var c in ParityCases.All)
        {
            if (_inputs.ContainsKey(c.Name)) throw new InvalidOperationException($"duplicate parity case name '{c.Name}'");
            var random = new Random(c.Seed);
            var data = new byte[c.Inputs.Length][];
            var specs = new JsonArray();
            for (var i = 0; i < c.Inputs.Length; i++)
            {
                var spec = c.Inputs[i];
                data[i] = spec.Generate(random);
                var file = $"{c.Name}.in{i}.bin";
                File.WriteAllBytes(_dir.File(file), data[i]);
                var entry = TensorFiles.Spec(spec.Dtype, spec.Shape);
                entry["file"] = file;
                entry["requires_grad"] = spec.RequiresGrad;
                specs.Add(entry);
            }
            _inputs[c.Name] = data;
            cases.Add(new JsonObject { ["name"] = c.Name, ["kind"] = c.PythonKind, ["inputs"] = specs });
        }
        File.WriteAllText(_dir.File("manifest.json"), new JsonObject { ["cases"] = cases }.ToJsonString());

        PythonProcess.RunFile(HelperScript, Directory);
        var root = JsonNode.Parse(File.ReadAllText(_dir.File("results.json")))!.AsObject();
        TorchVersion = (string)root["torch_version"]!;
        foreach (var (name, node) in root["results"]!.AsObject()) _results[name] = node!.AsObject();
    }

    /// <summary>tests/parity/torch_parity.py, found by walking up from the test assembly to the repository.</summary>
    public static string HelperScript => RepoFiles.Find("tests/parity/torch_parity.py");

    /// <summary>Runs the helper on <paramref name="directory"/> without judging its exit code.</summary>
    public static PythonProcess.Outcome RunHelper(string directory) => PythonProcess.Execute(HelperScript, directory);

    /// <summary>Fresh C# tensors holding exactly the bytes Python read for this case.</summary>
    public Tensor[] Inputs(ParityCase c) => c.Inputs.Select((spec, i) => spec.ToTensor(_inputs[c.Name][i])).ToArray();

    public JsonObject Result(ParityCase c)
    {
        if (!_results.TryGetValue(c.Name, out var result))
            throw new InvalidOperationException($"torch_parity.py wrote no result for '{c.Name}'");
        if (result["error"] is { } error) throw new InvalidOperationException($"PyTorch failed on '{c.Name}': {error}");
        return result;
    }

    /// <summary>PyTorch's outputs of a case: dtype, shape and raw bytes of each.</summary>
    public IReadOnlyList<(ScalarType Dtype, long[] Shape, byte[] Data)> Outputs(ParityCase c) =>
        Result(c)["outputs"]!.AsArray().Select(o => (
            TensorFiles.ParseDtype((string)o!["dtype"]!),
            TensorFiles.ParseShape(o["shape"]!),
            File.ReadAllBytes(_dir.File((string)o["file"]!)))).ToList();

    public string Text(ParityCase c) => (string)Result(c)["text"]!;

    public void Dispose() => _dir.Dispose();
}
