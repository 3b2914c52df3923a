using NotebookDL.Torch.Modules;

namespace NotebookDL.Torch.Tests.NN;

/// <summary>nn.init and the layers' default initialisation draw from PyTorch's distributions.</summary>
public sealed class InitTests(PyTorchOracle py) : IClassFixture<PyTorchOracle>
{
    [Fact]
    public void GainsAndFansMatchPyTorch()
    {
        using var expected = py.Run("""
out["gains"] = [nn.init.calculate_gain(n) for n in ("linear", "conv2d", "sigmoid", "tanh", "relu", "selu")] + [nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2)]
out["fans"] = [list(nn.init._calculate_fan_in_and_fan_out(torch.empty(s))) for s in ((5, 3), (8, 4, 3, 3), (2, 6, 5))]
""");
        double[] gains = [.. new[] { "linear", "conv2d", "sigmoid", "tanh", "relu", "selu" }.Select(n => nn.init.calculate_gain(n)),
            nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2)];
        var pyGains = expected.Value("gains")!.AsArray().Select(v => (double)v!).ToArray();
        for (var i = 0; i < gains.Length; i++) Assert.Equal(pyGains[i], gains[i], 12);
        long[][] shapes = [[5, 3], [8, 4, 3, 3], [2, 6, 5]];
        var pyFans = expected.Value("fans")!.AsArray().Select(f => f!.AsArray().Select(v => (long)v!).ToArray()).ToArray();
        for (var i = 0; i < shapes.Length; i++)
        {
            using var t = empty(shapes[i]);
            var (fanIn, fanOut) = nn.init.calculate_fan_in_and_fan_out(t);
            Assert.Equal(pyFans[i], new[] { fanIn, fanOut });
        }
        Assert.Throws<ArgumentException>(() => nn.init.kaiming_uniform_(zeros(3), mode: "fan_in"));
        Assert.Contains("fan_avg", Assert.Throws<ArgumentException>(() => nn.init.kaiming_normal_(zeros(3, 3), mode: "fan_avg")).Message);
    }

    /// <summary>Spread statistics of a large draw: (std, max |x|) — a uniform's max is its bound, a normal's std its scale.</summary>
    private static (double std, double maxAbs) Spread(Tensor t) => (t.std().item<double>(), t.abs().max().item<double>());

    /// <summary>
    /// Our draw and PyTorch's come from the same uniform distribution. Their maxima both sit within 1/n of the bound
    /// (3% is ample for n >= 400). Their sample stds differ by sampling noise: each has relative standard error
    /// at most sqrt(1/(2n)) (kurtosis <= 3), so their difference at most sqrt(1/n); allow 5 of those, and never less than 3%.
    /// </summary>
    private static void SameSpread(Tensor expectedStats, int row, Tensor ours, string what)
    {
        var (std, maxAbs) = Spread(ours);
        var e = expectedStats[row].ToArray<double>();
        var stdTolerance = Math.Max(0.03, 5 * Math.Sqrt(1.0 / ours.numel()));
        Assert.True(Math.Abs(std - e[0]) <= stdTolerance * e[0], $"{what}: std {std}, PyTorch {e[0]} (tolerance {stdTolerance:P1})");
        Assert.True(Math.Abs(maxAbs - e[1]) <= 0.03 * e[1], $"{what}: max |x| {maxAbs}, PyTorch {e[1]}");
    }

    [Fact]
    public void InitialisersDrawFromPyTorchsDistributions()
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run("""
s = lambda t: [t.std().item(), t.abs().max().item()]
w = lambda: torch.empty(256, 128, 3, 3)
out["stats"] = torch.tensor([s(nn.init.kaiming_uniform_(w(), mode="fan_out", nonlinearity="relu")),
    s(nn.init.kaiming_normal_(w(), a=0.1)), s(nn.init.xavier_uniform_(w(), gain=2.0)), s(nn.init.xavier_normal_(w())),
    s(nn.init.uniform_(w(), -0.3, 0.3))], dtype=torch.float64)
""");
        var stats = expected["stats"];
        Tensor W() => empty(256, 128, 3, 3);
        SameSpread(stats, 0, nn.init.kaiming_uniform_(W(), mode: "fan_out", nonlinearity: "relu"), "kaiming_uniform_");
        var normal = nn.init.kaiming_normal_(W(), a: 0.1);
        Assert.Equal(stats[1].ToArray<double>()[0], normal.std().item<double>(), 2);
        SameSpread(stats, 2, nn.init.xavier_uniform_(W(), gain: 2.0), "xavier_uniform_");
        Assert.Equal(stats[3].ToArray<double>()[0], nn.init.xavier_normal_(W()).std().item<double>(), 3);
        SameSpread(stats, 4, nn.init.uniform_(W(), -0.3, 0.3), "uniform_");
        Assert.All(nn.init.constant_(W(), 0.5).unique().values.ToArray<float>(), v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void LayersUsePyTorchsDefaultInitialisation()
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run("""
s = lambda t: [t.std().item(), t.abs().max().item()]
lin, conv, lstm, emb = nn.Linear(400, 300), nn.Conv2d(16, 32, 5), nn.LSTM(50, 100), nn.Embedding(1000, 64, padding_idx=0)
out["stats"] = torch.tensor([s(lin.weight), s(lin.bias), s(conv.weight), s(conv.bias), s(lstm.weight_hh_l0), s(lstm.bias_ih_l0), s(emb.weight[1:])], dtype=torch.float64)
""");
        var stats = expected["stats"];
        using var lin = nn.Linear(400, 300);
        using var conv = nn.Conv2d(16, 32, 5);
        using var lstm = nn.LSTM(50, 100);
        using var emb = nn.Embedding(1000, 64, padding_idx: 0);
        var lstmParams = lstm.named_parameters().ToDictionary(p => p.name, p => p.param);
        SameSpread(stats, 0, lin.weight, "Linear.weight");
        // Biases are U(-1/sqrt(fan_in), 1/sqrt(fan_in)); both layers have fan_in 400. PyTorch's own draw must respect the
        // same bound (so the formula is PyTorch's), and ours must reach a good part of it (so it is not a narrower init).
        var biasBound = 1 / Math.Sqrt(400);
        AssertUniformWithin(lin.bias!, stats[1].ToArray<double>()[1], biasBound, "Linear.bias");
        SameSpread(stats, 2, conv.weight, "Conv2d.weight");
        AssertUniformWithin(conv.bias!, stats[3].ToArray<double>()[1], biasBound, "Conv2d.bias");
        SameSpread(stats, 4, lstmParams["weight_hh_l0"], "LSTM.weight_hh_l0");
        SameSpread(stats, 5, lstmParams["bias_ih_l0"], "LSTM.bias_ih_l0");
        Assert.Equal(stats[6].ToArray<double>()[0], emb.weight.narrow(0, 1, 999).std().item<double>(), 1);
        Assert.All(emb.weight[0].ToArray<float>(), v => Assert.Equal(0f, v));
    }

    private static void AssertUniformWithin(Tensor values, double pytorchMax, double bound, string name)
    {
        Assert.True(pytorchMax <= bound, $"{name}: PyTorch's draw {pytorchMax} exceeds the bound {bound}");
        var ours = values.abs().max().item<double>();
        Assert.True(ours <= bound, $"{name}: our draw {ours} exceeds the bound {bound}");
        Assert.True(ours >= bound / 2, $"{name}: our draw {ours} is far inside the bound {bound}");
    }
}
