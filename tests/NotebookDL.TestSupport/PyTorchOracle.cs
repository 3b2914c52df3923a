using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.TestSupport;

/// <summary>
/// Runs snippets in Debian's python3-torch to get expected values. One long-lived <c>/usr/bin/python3</c> process
/// per test class (use as an xunit class fixture). Tensors travel as raw little-endian files plus a JSON manifest
/// in a temp directory: the snippet sees the inputs as <c>T["name"]</c>, puts results into <c>out["name"]</c>
/// (tensors, or plain JSON values), and has <c>torch</c>, <c>nn</c> and <c>F</c> in scope.
/// </summary>
public sealed class PyTorchOracle : IDisposable
{
    private const string Server = """
import sys, json, os, traceback
import torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(1)
DT = {"float32": torch.float32, "int64": torch.int64, "float64": torch.float64}
for line in sys.stdin:
    req = json.loads(line)
    d = req["dir"]
    try:
        man = json.load(open(os.path.join(d, "in.json")))
        T = {}
        for k, v in man.items():
            data = open(os.path.join(d, k + ".bin"), "rb").read()
            T[k] = torch.frombuffer(bytearray(data), dtype=DT[v["dtype"]]).reshape(v["shape"]).clone() if len(data) else torch.zeros(v["shape"], dtype=DT[v["dtype"]])
        out = {}
        exec(req["code"], {"torch": torch, "nn": nn, "F": F, "T": T, "out": out})
        res = {}
        for k, v in out.items():
            if isinstance(v, torch.Tensor):
                v = v.detach().contiguous()
                if v.dtype not in (torch.int64, torch.float64): v = v.float()
                open(os.path.join(d, "out_" + k + ".bin"), "wb").write(v.numpy().tobytes())
                res[k] = {"dtype": str(v.dtype).replace("torch.", ""), "shape": list(v.shape)}
            else:
                res[k] = {"value": v}
        print(json.dumps({"ok": True, "out": res}), flush=True)
    except Exception:
        print(json.dumps({"ok": False, "error": traceback.format_exc()}), flush=True)
""";

    private readonly Process _process;
    private readonly TempDir _scriptDir = new("nbdl_oracle_server_");
    private readonly object _gate = new();

    public PyTorchOracle()
    {
        var script = _scriptDir.File("oracle.py");
        File.WriteAllText(script, Server);
        _process = Process.Start(new ProcessStartInfo(PythonProcess.Executable, ["-u", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {PythonProcess.Executable}.");
    }

    /// <summary>Result of one snippet: tensors by name (as C# tensors) and plain JSON values.</summary>
    public sealed class Result(Dictionary<string, Tensor> tensors, Dictionary<string, JsonNode?> values) : IDisposable
    {
        public Tensor this[string name] => tensors.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"PyTorch produced no tensor '{name}'.");
        public JsonNode? Value(string name) => values[name];
        public IReadOnlyDictionary<string, Tensor> Tensors => tensors;
        public void Dispose()
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>Runs <paramref name="code"/> with <paramref name="inputs"/> (float32, float64 or int64 tensors).</summary>
    public Result Run(string code, IReadOnlyDictionary<string, Tensor>? inputs = null)
    {
        using var temp = new TempDir("nbdl_oracle_");
        var dir = temp.Path;
        var manifest = new JsonObject();
        foreach (var (name, t) in inputs ?? new Dictionary<string, Tensor>())
        {
            manifest[name] = TensorFiles.Spec(t.dtype, t.shape);
            TensorFiles.Write(temp.File(name + ".bin"), t);
        }
        File.WriteAllText(temp.File("in.json"), manifest.ToJsonString());
        string? reply;
        lock (_gate)
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(new { dir, code }));
            _process.StandardInput.Flush();
            reply = _process.StandardOutput.ReadLine();
        }
        var json = JsonNode.Parse(reply ?? throw new InvalidOperationException("The PyTorch oracle process ended."))!;
        if (!(bool)json["ok"]!) throw new InvalidOperationException("PyTorch snippet failed:\n" + (string?)json["error"]);
        var tensors = new Dictionary<string, Tensor>();
        var values = new Dictionary<string, JsonNode?>();
        foreach (var (name, node) in json["out"]!.AsObject())
        {
            if (node!.AsObject().ContainsKey("value")) { values[name] = node["value"]?.DeepClone(); continue; }
            // The server sends int64 and float64 as they are and everything else as float32.
            tensors[name] = TensorFiles.Read(temp.File("out_" + name + ".bin"), TensorFiles.ParseDtype((string)node["dtype"]!), TensorFiles.ParseShape(node["shape"]!));
        }
        return new Result(tensors, values);
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _scriptDir.Dispose();
    }
}
