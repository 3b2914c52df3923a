using F = NotebookDL.Torch.torch.nn.functional;

namespace NotebookDL.Torch.Tests.NN;

/// <summary>nn.functional ops give PyTorch's results (within 1e-4) on the same random inputs.</summary>
public sealed class FunctionalParityTests(PyTorchOracle py) : IClassFixture<PyTorchOracle>
{
    private const double Tolerance = 1e-4;

    /// <summary>Runs <paramref name="code"/> (which sets out["y"]) in PyTorch and compares with <paramref name="ours"/>.</summary>
    private void Same(string code, Dictionary<string, Tensor> inputs, Func<Tensor> ours, string what)
    {
        using var scope = NewDisposeScope();
        using var expected = py.Run(code, inputs);
        Expect.Close(expected["y"], ours(), Tolerance, what);
    }

    [Fact]
    public void Convolutions()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var x = randn(2, 4, 9, 8);
        var w = randn(6, 2, 3, 3);
        var b = randn(6);
        var inputs = new Dictionary<string, Tensor> { ["x"] = x, ["w"] = w, ["b"] = b };
        Same("out['y'] = F.conv2d(T['x'], T['w'], T['b'], stride=2, padding=1, dilation=(1, 2), groups=2)", inputs,
            () => F.conv2d(x, w, b, stride: 2, padding: 1, dilation: (1, 2), groups: 2), "conv2d");
        var x1 = randn(2, 3, 11);
        var w1 = randn(5, 3, 4);
        Same("out['y'] = F.conv1d(T['x'], T['w'], padding=2, stride=3)", new() { ["x"] = x1, ["w"] = w1 },
            () => F.conv1d(x1, w1, stride: 3, padding: 2), "conv1d");
        var wt = randn(4, 3, 4, 4);
        Same("out['y'] = F.conv_transpose2d(T['x'], T['w'], T['b'], stride=2, padding=1, output_padding=1)",
            new() { ["x"] = x, ["w"] = wt, ["b"] = b.narrow(0, 0, 3) },
            () => F.conv_transpose2d(x, wt, b.narrow(0, 0, 3), stride: 2, padding: 1, output_padding: 1), "conv_transpose2d");
    }

    [Fact]
    public void BatchNormTrainingUpdatesRunningStatsAndEvalUsesThem()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        var x = randn(4, 3, 5, 5) * 2 + 1;
        var (w, b, rm, rv) = (randn(3), randn(3), randn(3), rand(3) + 0.5);
        var inputs = new Dictionary<string, Tensor> { ["x"] = x, ["w"] = w, ["b"] = b, ["rm"] = rm, ["rv"] = rv };
        using var expected = py.Run("""
rm, rv = T['rm'].clone(), T['rv'].clone()
out['train'] = F.batch_norm(T['x'], rm, rv, T['w'], T['b'], training=True, momentum=0.3, eps=1e-3)
out['rm'], out['rv'] = rm, rv
out['eval'] = F.batch_norm(T['x'], T['rm'], T['rv'], T['w'], T['b'], training=False)
""", inputs);
        var (ourRm, ourRv) = (rm.clone(), rv.clone());
        Expect.Close(expected["train"], F.batch_norm(x, ourRm, ourRv, w, b, training: true, momentum: 0.3, eps: 1e-3), Tolerance, "train output");
        Expect.Close(expected["rm"], ourRm, Tolerance, "running_mean");
        Expect.Close(expected["rv"], ourRv, Tolerance, "running_var");
        Expect.Close(expected["eval"], F.batch_norm(x, rm, rv, w, b), Tolerance, "eval output");
    }

    [Fact]
    public void LayerNormDropoutEvalEmbeddingOneHot()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 6);
        var (w, b) = (randn(3, 6), randn(3, 6));
        Same("out['y'] = F.layer_norm(T['x'], (3, 6), T['w'], T['b'], eps=1e-4)", new() { ["x"] = x, ["w"] = w, ["b"] = b },
            () => F.layer_norm(x, [3, 6], w, b, 1e-4), "layer_norm");
        var table = randn(7, 4);
        var idx = tensor(new long[,] { { 0, 6, 2 }, { 3, 3, 1 } });
        Same("out['y'] = F.embedding(T['i'], T['w'], padding_idx=3)", new() { ["i"] = idx, ["w"] = table },
            () => F.embedding(idx, table, padding_idx: 3), "embedding");
        Same("out['y'] = F.one_hot(T['i'], 9)", new() { ["i"] = idx }, () => F.one_hot(idx, 9), "one_hot");
        Same("out['y'] = F.dropout(T['x'], 0.5, training=False)", new() { ["x"] = x }, () => F.dropout(x, 0.5, training: false), "dropout eval");
    }

    [Fact]
    public void Activations()
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        var x = randn(3, 5) * 3;
        var inputs = new Dictionary<string, Tensor> { ["x"] = x };
        Same("out['y'] = F.gelu(T['x'])", inputs, () => F.gelu(x), "gelu");
        Same("out['y'] = F.gelu(T['x'], approximate='tanh')", inputs, () => F.gelu(x, "tanh"), "gelu tanh");
        Same("out['y'] = F.silu(T['x'])", inputs, () => F.silu(x), "silu");
        Same("out['y'] = F.leaky_relu(T['x'], 0.2)", inputs, () => F.leaky_relu(x, 0.2), "leaky_relu");
        Same("out['y'] = F.softmax(T['x'], 0)", inputs, () => F.softmax(x, 0), "softmax");
        Same("out['y'] = F.log_softmax(T['x'], -1)", inputs, () => F.log_softmax(x, -1), "log_softmax");
    }

    [Fact]
    public void CrossEntropyVariants()
    {
        manual_seed(5);
        using var scope = NewDisposeScope();
        var logits = randn(6, 4) * 2;
        var target = tensor(new long[] { 0, 3, -100, 1, 2, 3 });
        var weight = rand(4) + 0.5;
        var inputs = new Dictionary<string, Tensor> { ["x"] = logits, ["t"] = target, ["w"] = weight };
        Same("out['y'] = F.cross_entropy(T['x'], T['t'])", inputs, () => F.cross_entropy(logits, target), "default (ignores -100)");
        Same("out['y'] = F.cross_entropy(T['x'], T['t'], weight=T['w'], label_smoothing=0.1)", inputs,
            () => F.cross_entropy(logits, target, weight, label_smoothing: 0.1), "weight + label smoothing");
        Same("out['y'] = F.cross_entropy(T['x'], T['t'], ignore_index=3, reduction='none', label_smoothing=0.2)",
            new() { ["x"] = logits, ["t"] = target.clamp(0) }, () => F.cross_entropy(logits, target.clamp(0), ignore_index: 3, reduction: "none", label_smoothing: 0.2),
            "ignore_index 3, none, smoothing");
        Same("out['y'] = F.cross_entropy(T['x'], T['t'], reduction='sum')", inputs, () => F.cross_entropy(logits, target, reduction: "sum"), "sum");
        var probs = rand(6, 4).softmax(1);
        Same("out['y'] = F.cross_entropy(T['x'], T['p'])", new() { ["x"] = logits, ["p"] = probs }, () => F.cross_entropy(logits, probs), "probability targets");
        var images = randn(2, 4, 3, 3);
        var pixelTargets = randint(4, [2, 3, 3]);
        Same("out['y'] = F.cross_entropy(T['x'], T['t'])", new() { ["x"] = images, ["t"] = pixelTargets }, () => F.cross_entropy(images, pixelTargets), "K-dimensional");
        Same("out['y'] = F.nll_loss(F.log_softmax(T['x'], 1), T['t'], weight=T['w'])", inputs,
            () => F.nll_loss(F.log_softmax(logits, 1), target, weight), "nll_loss");
        Assert.Throws<ArgumentException>(() => F.cross_entropy(logits, target, reduction: "avg"));
    }

    [Fact]
    public void RegressionAndBinaryLosses()
    {
        manual_seed(6);
        using var scope = NewDisposeScope();
        var (x, y) = (randn(5, 3), randn(5, 3));
        var (p, t) = (rand(5, 3) * 0.9 + 0.05, rand(5, 3).gt(0.5).@float());
        var posWeight = rand(3) + 0.5;
        var inputs = new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y, ["p"] = p, ["t"] = t, ["pw"] = posWeight };
        Same("out['y'] = F.mse_loss(T['x'], T['y'])", inputs, () => F.mse_loss(x, y), "mse");
        Same("out['y'] = F.l1_loss(T['x'], T['y'], reduction='none')", inputs, () => F.l1_loss(x, y, "none"), "l1");
        Same("out['y'] = F.binary_cross_entropy(T['p'], T['t'])", inputs, () => F.binary_cross_entropy(p, t), "bce");
        Same("out['y'] = F.binary_cross_entropy_with_logits(T['x'], T['t'], pos_weight=T['pw'])", inputs,
            () => F.binary_cross_entropy_with_logits(x, t, pos_weight: posWeight), "bce with logits");
    }

    [Fact]
    public void Pooling()
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 9, 7);
        var inputs = new Dictionary<string, Tensor> { ["x"] = x };
        Same("out['y'] = F.max_pool2d(T['x'], 3, stride=2, padding=1)", inputs, () => F.max_pool2d(x, 3, stride: 2, padding: 1), "max_pool2d");
        Same("out['y'] = F.max_pool2d(T['x'], (2, 3), ceil_mode=True, dilation=(2, 1))", inputs, () => F.max_pool2d(x, (2, 3), dilation: (2, 1), ceil_mode: true), "max_pool2d ceil");
        Same("out['y'] = F.avg_pool2d(T['x'], 3, stride=2, padding=1, count_include_pad=False)", inputs,
            () => F.avg_pool2d(x, 3, stride: 2, padding: 1, count_include_pad: false), "avg_pool2d");
        Same("out['y'] = F.adaptive_avg_pool2d(T['x'], (4, 3))", inputs, () => F.adaptive_avg_pool2d(x, (4, 3)), "adaptive_avg_pool2d");
        Same("out['y'] = F.adaptive_max_pool2d(T['x'], 2)", inputs, () => F.adaptive_max_pool2d(x, 2), "adaptive_max_pool2d");
    }

    [Fact]
    public void PaddingAndResampling()
    {
        manual_seed(8);
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 5, 6);
        var inputs = new Dictionary<string, Tensor> { ["x"] = x };
        Same("out['y'] = F.pad(T['x'], (1, 2, 0, 3), value=0.5)", inputs, () => F.pad(x, [1, 2, 0, 3], value: 0.5), "pad constant");
        Same("out['y'] = F.pad(T['x'], (2, 1, 3, 1), mode='reflect')", inputs, () => F.pad(x, [2, 1, 3, 1], "reflect"), "pad reflect");
        Same("out['y'] = F.pad(T['x'], (2, 2, 1, 0), mode='replicate')", inputs, () => F.pad(x, [2, 2, 1, 0], "replicate"), "pad replicate");
        Same("out['y'] = F.interpolate(T['x'], scale_factor=2)", inputs, () => F.interpolate(x, scale_factor: 2), "nearest x2");
        Same("out['y'] = F.interpolate(T['x'], size=(7, 4))", inputs, () => F.interpolate(x, size: (7, 4)), "nearest to size");
        Same("out['y'] = F.interpolate(T['x'], size=(8, 11), mode='bilinear', align_corners=False)", inputs,
            () => F.interpolate(x, size: (8, 11), mode: "bilinear", align_corners: false), "bilinear");
        Same("out['y'] = F.interpolate(T['x'], scale_factor=1.5, mode='bilinear', align_corners=True)", inputs,
            () => F.interpolate(x, scale_factor: 1.5, mode: "bilinear", align_corners: true), "bilinear align_corners");
        var theta = tensor(new float[] { 0.9f, -0.2f, 0.1f, 0.3f, 1.1f, -0.05f, 1.2f, 0.1f, 0f, -0.1f, 0.8f, 0.2f }, new long[] { 2, 2, 3 });
        var grid = randn(2, 4, 5, 2) * 0.7;
        var sampling = new Dictionary<string, Tensor> { ["x"] = x, ["th"] = theta, ["g"] = grid };
        Same("out['y'] = F.affine_grid(T['th'], (2, 3, 4, 5), align_corners=False)", sampling, () => F.affine_grid(theta, [2, 3, 4, 5]), "affine_grid");
        Same("out['y'] = F.grid_sample(T['x'], F.affine_grid(T['th'], (2, 3, 4, 5), align_corners=False), align_corners=False)", sampling,
            () => F.grid_sample(x, F.affine_grid(theta, [2, 3, 4, 5])), "grid_sample of affine grid");
        Same("out['y'] = F.grid_sample(T['x'], T['g'], mode='nearest', padding_mode='border', align_corners=True)", sampling,
            () => F.grid_sample(x, grid, "nearest", "border", align_corners: true), "grid_sample nearest border");
        Same("out['y'] = F.grid_sample(T['x'], T['g'], padding_mode='reflection')", sampling,
            () => F.grid_sample(x, grid, padding_mode: "reflection"), "grid_sample reflection");
    }
}
