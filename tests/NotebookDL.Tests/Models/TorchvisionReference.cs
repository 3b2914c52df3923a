using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace NotebookDL.Tests.Models;

/// <summary>
/// Runs resnet_parity.py (next to this file) in Debian's /usr/bin/python3 (torch 1.13, torchvision 0.14) and reads
/// what it wrote: raw float32 tensors plus JSON. One instance per test class (xunit class fixture).
/// </summary>
public sealed class TorchvisionReference : IDisposable
{
    // The python3 on PATH has no torch; Debian's does.
    private const string Python = "/usr/bin/python3";

    public TorchvisionReference()
    {
        Dir = Directory.CreateTempSubdirectory("nbdl_models_").FullName;
        Run("resnets");
        Meta = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "resnets.json")))!.AsObject();
    }

    public string Dir { get; }

    /// <summary>resnets.json: per architecture the state-dict keys, tensor shapes, loss and gradient names.</summary>
    public JsonObject Meta { get; }

    public string PathOf(string file) => Path.Combine(Dir, file);

    /// <summary>The float32 tensor <paramref name="name"/>.bin with the shape listed in <paramref name="shape"/>.</summary>
    public Tensor Load(string name, JsonNode shape)
    {
        var data = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(PathOf(name + ".bin"))).ToArray();
        return torch.tensor(data, shape.AsArray().Select(s => long.Parse(s!.ToJsonString())).ToArray());
    }

    public static void Save(Tensor t, string path) =>
        File.WriteAllBytes(path, MemoryMarshal.AsBytes(t.contiguous().ToArray<float>().AsSpan()).ToArray());

    /// <summary>Runs one mode of the script on <see cref="Dir"/>; throws with Python's stderr on failure.</summary>
    public void Run(string mode)
    {
        var script = FindScript();
        using var process = Process.Start(new ProcessStartInfo(Python, [script, mode, Dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Python} {script} {mode} failed ({process.ExitCode}):\n{stderr.Result}\n{stdout}");
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NotebookDL.Tests", "Models", "resnet_parity.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("tests/NotebookDL.Tests/Models/resnet_parity.py not found above " + AppContext.BaseDirectory);
    }

    public static float MaxAbsDiff(Tensor a, Tensor b)
    {
        Assert.Equal(b.shape, a.shape);
        using var d = (a - b).abs();
        using var m = d.max();
        return m.item<float>();
    }

    public static float MaxAbs(Tensor a)
    {
        using var d = a.abs();
        using var m = d.max();
        return m.item<float>();
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { /* a temp directory left behind is harmless */ }
    }
}
