using System.Text.Json.Nodes;

namespace NotebookDL.Tests.Architectures;

/// <summary>
/// Runs resnet_parity.py (next to this file) in Debian's /usr/bin/python3 (torch 1.13, torchvision 0.14) and reads
/// what it wrote: raw float32 tensors plus JSON. One instance per test class (xunit class fixture).
/// </summary>
public sealed class TorchvisionReference : IDisposable
{
    private readonly TempDir _dir = new("nbdl_models_");

    public TorchvisionReference()
    {
        Run("resnets");
        Meta = JsonNode.Parse(File.ReadAllText(PathOf("resnets.json")))!.AsObject();
    }

    public string Dir => _dir.Path;

    /// <summary>resnets.json: per architecture the state-dict keys, tensor shapes, loss and gradient names.</summary>
    public JsonObject Meta { get; }

    public string PathOf(string file) => _dir.File(file);

    /// <summary>The float32 tensor <paramref name="name"/>.bin with the shape listed in <paramref name="shape"/>.</summary>
    public Tensor Load(string name, JsonNode shape) => TensorFiles.Read(PathOf(name + ".bin"), ScalarType.Float32, TensorFiles.ParseShape(shape));

    /// <summary>Runs one mode of the script on <see cref="Dir"/>; throws with Python's stderr on failure.</summary>
    public void Run(string mode) => PythonProcess.RunFile(RepoFiles.Find("tests/NotebookDL.Tests/Architectures/resnet_parity.py"), mode, Dir);

    public static float MaxAbsDiff(Tensor a, Tensor b)
    {
        Assert.Equal(b.shape, a.shape);
        using var d = (a - b).abs();
        using var m = d.max();
        return m.ToSingle();
    }

    public static float MaxAbs(Tensor a)
    {
        using var d = a.abs();
        using var m = d.max();
        return m.ToSingle();
    }

    public void Dispose() => _dir.Dispose();
}
