using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Torch.Tests.Parity;

/// <summary>
/// Writes the inputs of every parity case to a temp directory (raw little-endian files + manifest.json), runs
/// <c>/usr/bin/python3 tests/parity/torch_parity.py &lt;dir&gt;</c> once (Debian's torch 1.13), and keeps its
/// results for the per-case tests. The C# side recreates each input from the same bytes.
/// </summary>
public sealed class PythonTorchFixture : IDisposable
{
    public const string Python = "/usr/bin/python3";

    public string Directory { get; }
    public string TorchVersion { get; }
    private readonly Dictionary<string, byte[][]> _inputs = new();
    private readonly Dictionary<string, JsonObject> _results = new();

    public PythonTorchFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "nbdl-parity-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
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
                File.WriteAllBytes(Path.Combine(Directory, file), data[i]);
                specs.Add(new JsonObject
                {
                    ["dtype"] = ParityData.DtypeName(spec.Dtype),
                    ["shape"] = new JsonArray(spec.Shape.Select(s => (JsonNode)s).ToArray()),
                    ["file"] = file,
                    ["requires_grad"] = spec.RequiresGrad,
                });
            }
            _inputs[c.Name] = data;
            cases.Add(new JsonObject { ["name"] = c.Name, ["kind"] = c.PythonKind, ["inputs"] = specs });
        }
        File.WriteAllText(Path.Combine(Directory, "manifest.json"), new JsonObject { ["cases"] = cases }.ToJsonString());

        var (exit, stdout, stderr) = RunHelper(Directory);
        if (exit != 0)
            throw new InvalidOperationException($"{Python} {HelperScript} failed with exit code {exit}:\n{stderr}\n{stdout}");
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "results.json")))!.AsObject();
        TorchVersion = (string)root["torch_version"]!;
        foreach (var (name, node) in root["results"]!.AsObject()) _results[name] = node!.AsObject();
    }

    /// <summary>tests/parity/torch_parity.py, found by walking up from the test assembly to the repository.</summary>
    public static string HelperScript
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "parity", "torch_parity.py");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("tests/parity/torch_parity.py not found above " + AppContext.BaseDirectory);
        }
    }

    public static (int Exit, string Stdout, string Stderr) RunHelper(string directory)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HelperScript);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Python);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new TimeoutException($"{Python} {HelperScript} did not finish within 5 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

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
            ParityData.ParseDtype((string)o!["dtype"]!),
            o["shape"]!.AsArray().Select(s => (long)s!).ToArray(),
            File.ReadAllBytes(Path.Combine(Directory, (string)o["file"]!)))).ToList();

    public string Text(ParityCase c) => (string)Result(c)["text"]!;

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
