using System.Text.Json;

namespace NotebookDL.Optim.Tests.Optim;

/// <summary>
/// Five steps of each optimizer on the same initial parameters and the same fixed gradients, here and in PyTorch 1.13
/// (Debian's python3-torch, single-tensor code path): the parameters must agree within 1e-5. Two parameter groups,
/// the second with half the learning rate, check per-group hyper-parameters too.
/// </summary>
public sealed class OptimizerParityTests
{
    private const int Steps = 5;
    private static readonly long[][] Shapes = [[3, 4], [5]];

    private const string Script = """
        import json, math, torch
        shapes = [(3, 4), (5,)]
        def init(k, n): return [math.sin(0.3 * i + k + 1) for i in range(n)]
        def grad(k, s, n): return [math.cos(0.7 * i + s + k) * (1 + 0.1 * s) for i in range(n)]
        configs = {
            "sgd_nesterov": lambda g: torch.optim.SGD(g, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01, foreach=False),
            "sgd_dampening": lambda g: torch.optim.SGD(g, lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1, foreach=False),
            "adam": lambda g: torch.optim.Adam(g, lr=0.01, foreach=False),
            "adam_amsgrad_wd": lambda g: torch.optim.Adam(g, lr=0.01, betas=(0.8, 0.99), weight_decay=0.05, amsgrad=True, foreach=False),
            "adamw": lambda g: torch.optim.AdamW(g, lr=0.01, weight_decay=0.1, foreach=False),
            "adam_wd_maximize": lambda g: torch.optim.Adam(g, lr=0.01, weight_decay=0.05, maximize=True, foreach=False),
            "rmsprop": lambda g: torch.optim.RMSprop(g, lr=0.01, foreach=False),
            "rmsprop_centered_momentum": lambda g: torch.optim.RMSprop(g, lr=0.01, alpha=0.9, centered=True, momentum=0.9, weight_decay=0.01, foreach=False),
        }
        out = {}
        for name, make in configs.items():
            ps = [torch.tensor(init(k, math.prod(s)), dtype=torch.float64).float().reshape(s).requires_grad_() for k, s in enumerate(shapes)]
            opt = make([{"params": [ps[0]]}, {"params": [ps[1]]}])
            opt.param_groups[1]["lr"] *= 0.5
            for s in range(5):
                for k, p in enumerate(ps):
                    p.grad = torch.tensor(grad(k, s, p.numel()), dtype=torch.float64).float().reshape(p.shape)
                opt.step()
            out[name] = [p.detach().flatten().tolist() for p in ps]
        print(json.dumps(out))
        """;

    private static readonly Lazy<JsonDocument> Expected = new(() => JsonDocument.Parse(PythonProcess.Run(Script)));

    private static Optimizer Make(string name, ParameterGroup[] groups) => name switch
    {
        "sgd_nesterov" => new SGDOptimizer(groups, new SGDOptions(0.1) { momentum = 0.9, nesterov = true, weight_decay = 0.01 }),
        "sgd_dampening" => new SGDOptimizer(groups, new SGDOptions(0.05) { momentum = 0.8, dampening = 0.3, weight_decay = 0.1 }),
        "adam" => new AdamOptimizer(groups, new AdamOptions { lr = 0.01 }),
        "adam_amsgrad_wd" => new AdamOptimizer(groups, new AdamOptions { lr = 0.01, betas = (0.8, 0.99), weight_decay = 0.05, amsgrad = true }),
        "adamw" => new AdamWOptimizer(groups, new AdamWOptions { lr = 0.01, weight_decay = 0.1 }),
        "adam_wd_maximize" => new AdamOptimizer(groups, new AdamOptions { lr = 0.01, weight_decay = 0.05, maximize = true }),
        "rmsprop" => new RMSpropOptimizer(groups, new RMSpropOptions { lr = 0.01 }),
        "rmsprop_centered_momentum" => new RMSpropOptimizer(groups, new RMSpropOptions { lr = 0.01, alpha = 0.9, centered = true, momentum = 0.9, weight_decay = 0.01 }),
        _ => throw new ArgumentException(name),
    };

    private static float[] Values(Func<int, double> f, long n) => Enumerable.Range(0, (int)n).Select(i => (float)f(i)).ToArray();

    [Theory]
    [InlineData("sgd_nesterov")]
    [InlineData("sgd_dampening")]
    [InlineData("adam")]
    [InlineData("adam_amsgrad_wd")]
    [InlineData("adamw")]
    [InlineData("adam_wd_maximize")]
    [InlineData("rmsprop")]
    [InlineData("rmsprop_centered_momentum")]
    public void FiveStepsMatchPyTorch(string name) => FiveStepsMatchPyTorchWith(name, strided: false);

    /// <summary>
    /// Adam updates contiguous float32 CPU parameters in one pass of its own (AdamCpuKernel); parameters that are
    /// strided views take the tensor-op path. Both must give PyTorch's numbers.
    /// </summary>
    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("adam_wd_maximize")]
    public void FiveStepsMatchPyTorch_when_parameters_are_strided_views(string name) => FiveStepsMatchPyTorchWith(name, strided: true);

    private static Tensor Parameter(float[] values, long[] shape, bool strided)
    {
        if (!strided) return torch.tensor(values, shape).requires_grad_();
        // A view every other element of a buffer twice the size: a leaf (the buffer needs no grad), not contiguous.
        var buffer = torch.zeros(values.Length * 2);
        var view = buffer.slice(0, 0, values.Length * 2, 2).view(shape);
        Assert.False(view.is_contiguous());
        view.copy_(torch.tensor(values, shape));
        return view.requires_grad_();
    }

    private static void FiveStepsMatchPyTorchWith(string name, bool strided)
    {
        using var scope = torch.NewDisposeScope();
        var ps = Shapes.Select((s, k) => Parameter(Values(i => Math.Sin(0.3 * i + k + 1), s.Aggregate(1L, (a, b) => a * b)), s, strided)).ToArray();
        using var opt = Make(name, [new ParameterGroup([ps[0]]), new ParameterGroup([ps[1]])]);
        opt.param_groups[1].lr *= 0.5;
        for (var step = 0; step < Steps; step++)
        {
            for (var k = 0; k < ps.Length; k++)
                ps[k].grad = torch.tensor(Values(i => Math.Cos(0.7 * i + step + k) * (1 + 0.1 * step), ps[k].numel()), ps[k].shape);
            opt.step();
        }

        var expected = Expected.Value.RootElement.GetProperty(name).EnumerateArray().ToArray();
        for (var k = 0; k < ps.Length; k++)
        {
            var want = expected[k].EnumerateArray().Select(v => v.GetSingle()).ToArray();
            var got = ps[k].detach().ToArray<float>();
            Assert.Equal(want.Length, got.Length);
            for (var i = 0; i < want.Length; i++)
                Assert.True(Math.Abs(want[i] - got[i]) <= 1e-5, $"{name} param {k}[{i}]: PyTorch {want[i]}, ours {got[i]}");
            // The parameters must have moved, or the comparison would prove nothing.
            Assert.NotEqual(Math.Sin(k + 1), got[0], 3);
        }
    }
}
