using System.Text.Json.Nodes;
using NotebookDL.Torch.Modules;

namespace NotebookDL.Torch.Tests.NN;

/// <summary>Parameter/buffer names, shapes and order match PyTorch's for the same architectures.</summary>
public sealed class ParameterNamingTests(PyTorchOracle py) : IClassFixture<PyTorchOracle>
{
    // Python prints "name:shape" lines for parameters, buffers and state_dict keys of `m`.
    private const string Describe = """
def describe(m):
    shp = lambda t: "x".join(str(s) for s in t.shape)
    out["params"] = [n + ":" + shp(p) for n, p in m.named_parameters()]
    out["buffers"] = [n + ":" + shp(b) for n, b in m.named_buffers()]
    out["keys"] = list(m.state_dict().keys())
""";

    private void AssertSameLayout(Module module, string pythonModel, string setup = "")
    {
        using var result = py.Run(Describe + setup + "\ndescribe(" + pythonModel + ")");
        static string Shape(Tensor t) => string.Join("x", t.shape);
        Assert.Equal(Strings(result.Value("params")), module.named_parameters().Select(p => $"{p.name}:{Shape(p.param)}"));
        Assert.Equal(Strings(result.Value("buffers")), module.named_buffers().Select(b => $"{b.name}:{Shape(b.buffer)}"));
        var state = module.state_dict();
        Assert.Equal(Strings(result.Value("keys")), state.Keys);
        foreach (var t in state.Values) t.Dispose();
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node!.AsArray().Select(x => (string)x!);

    [Fact]
    public void ConvNetSequential()
    {
        using var model = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, (3, 1), stride: 2, bias: false), nn.Flatten(), nn.Dropout(0.2), nn.Linear(64, 10), nn.LayerNorm(10));
        AssertSameLayout(model, """
nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(8, 16, (3, 1), stride=2, bias=False), nn.Flatten(), nn.Dropout(0.2), nn.Linear(64, 10), nn.LayerNorm(10))
""");
    }

    [Fact]
    public void RecurrentLayers()
    {
        using var lstm = nn.LSTM(5, 7, num_layers: 2, bidirectional: true, batch_first: true);
        AssertSameLayout(lstm, "nn.LSTM(5, 7, num_layers=2, bidirectional=True, batch_first=True)");
        using var gru = nn.GRU(4, 6, num_layers: 3, bias: false);
        AssertSameLayout(gru, "nn.GRU(4, 6, num_layers=3, bias=False)");
    }

    [Fact]
    public void EmbeddingTransposedConvAndContainers()
    {
        using var model = new ModuleDict<Module>(
            ("emb", nn.Embedding(10, 4, padding_idx: 0)),
            ("up", nn.ConvTranspose2d(4, 2, 4, stride: 2, padding: 1)),
            ("heads", nn.ModuleList<Module<Tensor, Tensor>>(nn.Linear(4, 2), nn.Linear(4, 3, bias: false))),
            ("bn", nn.BatchNorm1d(4, affine: false)));
        AssertSameLayout(model, """
nn.ModuleDict({"emb": nn.Embedding(10, 4, padding_idx=0), "up": nn.ConvTranspose2d(4, 2, 4, stride=2, padding=1),
    "heads": nn.ModuleList([nn.Linear(4, 2), nn.Linear(4, 3, bias=False)]), "bn": nn.BatchNorm1d(4, affine=False)})
""");
    }

    /// <summary>A ResNet-style model written with plain fields, registered by reflection.</summary>
    private sealed class Block : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = nn.Conv2d(4, 4, 3, padding: 1, bias: false);
        private readonly BatchNorm2d bn1 = nn.BatchNorm2d(4);
        private readonly Conv2d _conv2 = nn.Conv2d(4, 4, 3, padding: 1, bias: false);
        private readonly BatchNorm2d bn2 = nn.BatchNorm2d(4);

        public override Tensor forward(Tensor x) => bn2.call(_conv2.call(bn1.call(conv1.call(x)).relu())).add(x).relu();
    }

    private sealed class Net : Module<Tensor, Tensor>
    {
        private readonly Conv2d stem = nn.Conv2d(3, 4, 7, stride: 2, padding: 3, bias: false);
        private Sequential layer1 { get; } = nn.Sequential(new Block(), new Block());
        private readonly Tensor scale = nn.Parameter(ones(4));
        private readonly Tensor offsets = zeros(4);
        private readonly Linear fc = nn.Linear(4, 2);

        public Net() => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(layer1.call(stem.call(x)).mean([2L, 3L]) * scale + offsets);
    }

    [Fact]
    public void FieldRegisteredResNetStyleModel()
    {
        using var model = new Net();
        AssertSameLayout(model, "Net()", setup: """

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(4, 4, 3, padding=1, bias=False); self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 4, 3, padding=1, bias=False); self.bn2 = nn.BatchNorm2d(4)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 4, 7, stride=2, padding=3, bias=False)
        self.layer1 = nn.Sequential(Block(), Block())
        self.scale = nn.Parameter(torch.ones(4))
        self.register_buffer("offsets", torch.zeros(4))
        self.fc = nn.Linear(4, 2)
""");
        Assert.Contains("layer1.1.bn1.weight", model.named_parameters().Select(p => p.name));
    }
}
