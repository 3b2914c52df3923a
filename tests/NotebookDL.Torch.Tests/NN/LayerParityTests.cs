using NotebookDL.Torch.Modules;

namespace NotebookDL.Torch.Tests.NN;

/// <summary>
/// Layers loaded with a PyTorch model's state dict compute PyTorch's outputs (and gradients), within 1e-4.
/// PyTorch builds and runs the model; its state dict arrives as out["sd.&lt;key&gt;"].
/// </summary>
public sealed class LayerParityTests(PyTorchOracle py) : IClassFixture<PyTorchOracle>
{
    private const double Tolerance = 1e-4;

    private static Dictionary<string, Tensor> StateDictOf(PyTorchOracle.Result result) =>
        result.Tensors.Where(kv => kv.Key.StartsWith("sd.")).ToDictionary(kv => kv.Key[3..], kv => kv.Value);

    [Fact]
    public void LstmBidirectionalTwoLayersBatchFirst()
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run("""
torch.manual_seed(0)
m = nn.LSTM(5, 7, num_layers=2, bidirectional=True, batch_first=True)
for k, v in m.state_dict().items(): out["sd." + k] = v.clone()
x = torch.randn(3, 4, 5); h0 = torch.randn(4, 3, 7); c0 = torch.randn(4, 3, 7)
y, (h, c) = m(x, (h0, c0))
out.update(x=x, h0=h0, c0=c0, y=y, h=h, c=c)
y2, (h2, c2) = m(x[0])
out.update(y2=y2, h2=h2)
""");
        using var lstm = nn.LSTM(5, 7, num_layers: 2, bidirectional: true, batch_first: true);
        lstm.load_state_dict(StateDictOf(expected));
        var (y, (h, c)) = lstm.call(expected["x"], (expected["h0"], expected["c0"]));
        Expect.Close(expected["y"], y, Tolerance, "output");
        Expect.Close(expected["h"], h, Tolerance, "h_n");
        Expect.Close(expected["c"], c, Tolerance, "c_n");
        var (y2, (h2, _)) = lstm.call(expected["x"][0]);
        Expect.Close(expected["y2"], y2, Tolerance, "unbatched output");
        Expect.Close(expected["h2"], h2, Tolerance, "unbatched h_n");
    }

    [Fact]
    public void GruSequenceFirst()
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run("""
torch.manual_seed(1)
m = nn.GRU(4, 6, num_layers=2)
for k, v in m.state_dict().items(): out["sd." + k] = v.clone()
x = torch.randn(5, 2, 4)
y, h = m(x)
out.update(x=x, y=y, h=h)
""");
        using var gru = nn.GRU(4, 6, num_layers: 2);
        gru.load_state_dict(StateDictOf(expected));
        var (y, h) = gru.call(expected["x"]);
        Expect.Close(expected["y"], y, Tolerance, "output");
        Expect.Close(expected["h"], h, Tolerance, "h_n");
    }

    [Fact]
    public void ConvNetForwardBackwardAndBatchNormStatistics()
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run("""
torch.manual_seed(2)
m = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 6, 3, stride=2, groups=2),
                  nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 3))
for k, v in m.state_dict().items(): out["sd." + k] = v.clone()
x = torch.randn(5, 3, 10, 10); t = torch.tensor([0, 2, 1, 1, 0])
loss = F.cross_entropy(m(x), t, label_smoothing=0.1)
loss.backward()
m(x * 0.5)
out.update(x=x, t=t, loss=loss, gw0=m[0].weight.grad, gb7=m[7].bias.grad, gw4=m[4].weight.grad,
           rm=m[1].running_mean, rv=m[1].running_var, nbt=m[1].num_batches_tracked)
m.eval()
out["eval"] = m(x)
""");
        using var model = nn.Sequential(nn.Conv2d(3, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(4, 6, 3, stride: 2, groups: 2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 3));
        model.load_state_dict(StateDictOf(expected));
        var x = expected["x"];
        var loss = nn.functional.cross_entropy(model.call(x), expected["t"], label_smoothing: 0.1);
        loss.backward();
        model.call(x * 0.5);
        Expect.Close(expected["loss"], loss, Tolerance, "loss");
        Expect.Close(expected["gw0"], ((Conv2d)model[0]).weight.grad!, Tolerance, "conv0 weight grad");
        Expect.Close(expected["gw4"], ((Conv2d)model[4]).weight.grad!, Tolerance, "grouped conv weight grad");
        Expect.Close(expected["gb7"], ((Linear)model[7]).bias!.grad!, Tolerance, "linear bias grad");
        var bn = (BatchNorm2d)model[1];
        Expect.Close(expected["rm"], bn.running_mean!, Tolerance, "running_mean after 2 steps");
        Expect.Close(expected["rv"], bn.running_var!, Tolerance, "running_var after 2 steps");
        Assert.Equal(expected["nbt"].item<long>(), bn.num_batches_tracked!.item<long>());
        model.eval();
        Expect.Close(expected["eval"], model.call(x), Tolerance, "eval-mode output");
    }

    [Fact]
    public void EmbeddingLayerNormTransposedConvAndActivations()
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run("""
torch.manual_seed(3)
emb, ln, up = nn.Embedding(9, 4, padding_idx=2), nn.LayerNorm(4), nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1)
for name, m in (("emb", emb), ("ln", ln), ("up", up)):
    for k, v in m.state_dict().items(): out["sd." + name + "." + k] = v.clone()
i = torch.tensor([[1, 2, 8], [0, 2, 5]])
e = ln(emb(i))
out.update(i=i, e=e, up=up(e.reshape(1, 4, 2, 3)),
    acts=torch.cat([nn.GELU()(e), nn.SiLU()(e), nn.LeakyReLU(0.1)(e), nn.Softmax(-1)(e), nn.LogSoftmax(1)(e), nn.Tanh()(e), nn.Sigmoid()(e)]))
e.sum().backward()
out["gemb"] = emb.weight.grad
""");
        using var model = new ModuleDict<Module<Tensor, Tensor>>(("emb", nn.Embedding(9, 4, padding_idx: 2)), ("ln", nn.LayerNorm(4)),
            ("up", nn.ConvTranspose2d(4, 2, 3, stride: 2, padding: 1, output_padding: 1)));
        model.load_state_dict(StateDictOf(expected));
        var e = model["ln"].call(model["emb"].call(expected["i"]));
        Expect.Close(expected["e"], e, Tolerance, "embedding + layer norm");
        Expect.Close(expected["up"], model["up"].call(e.reshape(1, 4, 2, 3)), Tolerance, "transposed conv");
        var acts = cat([nn.GELU().call(e), nn.SiLU().call(e), nn.LeakyReLU(0.1).call(e), nn.Softmax(-1).call(e), nn.LogSoftmax(1).call(e),
            nn.Tanh().call(e), nn.Sigmoid().call(e)]);
        Expect.Close(expected["acts"], acts, Tolerance, "activation modules");
        e.sum().backward();
        Expect.Close(expected["gemb"], ((Embedding)model["emb"]).weight.grad!, Tolerance, "embedding grad (padding row gets none)");
    }
}
