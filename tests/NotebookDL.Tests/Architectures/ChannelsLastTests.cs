using NotebookDL.Architectures;
using NotebookDL.TestSupport;
using M = NotebookDL.Architectures.Models;

namespace NotebookDL.Tests.Architectures;

/// <summary>
/// ToChannelsLast changes strides, never values: a ResNet gives the same outputs and gradients, its state dict saves
/// row-major, and IsChannelsLast answers as PyTorch's <c>is_contiguous(memory_format=torch.channels_last)</c>.
/// </summary>
public class ChannelsLastTests
{
    // (shape, permutation applied before contiguous() and undone after): how each test tensor is laid out.
    private static readonly (long[] Shape, long[] Order)[] Layouts =
    [
        ([2, 3, 4, 5], [0, 1, 2, 3]),   // row-major
        ([2, 3, 4, 5], [0, 2, 3, 1]),   // channels-last
        ([2, 1, 4, 5], [0, 1, 2, 3]),   // one channel: both at once
        ([1, 3, 1, 1], [0, 1, 2, 3]),   // a bias-like map
        ([2, 3, 4, 5], [0, 3, 2, 1]),   // channels innermost but W before H: neither
        ([2, 3, 4, 5], [1, 0, 2, 3]),   // batch and channels swapped
    ];

    [Fact]
    public void IsChannelsLast_agrees_with_PyTorch()
    {
        var script = """
            import sys, json, torch
            out = []
            for shape, order in json.loads(sys.argv[1]):
                t = torch.zeros([shape[i] for i in order]).contiguous().permute(*[order.index(d) for d in range(4)])
                out.append(t.is_contiguous(memory_format=torch.channels_last))
            print(json.dumps(out))
            """;
        var spec = System.Text.Json.JsonSerializer.Serialize(Layouts.Select(l => new[] { l.Shape, l.Order }));
        var expected = System.Text.Json.JsonSerializer.Deserialize<bool[]>(PythonProcess.Run(script, spec))!;

        var actual = Layouts.Select(l =>
        {
            using var stored = zeros(l.Order.Select(i => l.Shape[i]).ToArray());
            using var t = stored.permute(Enumerable.Range(0, 4).Select(d => (long)Array.IndexOf(l.Order, (long)d)).ToArray());
            Assert.Equal(l.Shape, t.shape);
            return t.IsChannelsLast();
        });
        Assert.Equal(expected, actual);
        Assert.Contains(true, expected);
        Assert.Contains(false, expected);
    }

    [Fact]
    public void A_ResNet_gives_the_same_outputs_and_gradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var reference = M.ResNet18(numClasses: 10, inChannels: 1);
        using var restrided = M.ResNet18(numClasses: 10, inChannels: 1);
        restrided.load_state_dict(reference.state_dict());
        Assert.Same(restrided, restrided.ToChannelsLast());

        var convWeights = restrided.parameters().Where(p => p.dim() == 4).ToList();
        Assert.NotEmpty(convWeights);
        Assert.All(convWeights, p => Assert.True(p.IsChannelsLast()));
        // 1-channel and 1x1 kernels are both layouts at once; the 3x3 ones really moved.
        Assert.Contains(convWeights, p => !p.is_contiguous());

        var x = randn(8, 1, 28, 28);
        var y = randint(0, 10, [8]);
        var expected = reference.call(x);
        nn.functional.cross_entropy(expected, y).backward();
        var output = restrided.call(x);
        nn.functional.cross_entropy(output, y).backward();
        AssertClose(expected, output);
        foreach (var ((name, p), q) in reference.named_parameters().Zip(restrided.parameters()))
        {
            AssertClose(p.grad!, q.grad!, name);
            if (p.dim() == 4) Assert.True(q.grad!.IsChannelsLast(), $"{name}'s gradient keeps the parameter's layout");
        }
    }

    [Fact]
    public void Saves_row_major_and_loads_into_channels_last_storage()
    {
        using var dir = new TempDir();
        manual_seed(4);
        using var model = M.ResNet18(numClasses: 3, inChannels: 1).ToChannelsLast();
        PyTorchFiles.Save(model.state_dict(), dir.File("cl.pt"));
        var stats = PythonProcess.Run("""
            import sys, torch
            sd = torch.load(sys.argv[1])
            w = sd["conv1.weight"]
            print(w.is_contiguous(), float(w[5, 0, 2, 3]), float(sd["layer1.0.conv1.weight"][7, 11, 1, 2]))
            """, dir.File("cl.pt")).Split();
        Assert.Equal("True", stats[0]);
        Assert.Equal(model.state_dict()["conv1.weight"][5, 0, 2, 3].Item(), double.Parse(stats[1], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(model.state_dict()["layer1.0.conv1.weight"][7, 11, 1, 2].Item(), double.Parse(stats[2], System.Globalization.CultureInfo.InvariantCulture), 6);

        using var again = M.ResNet18(numClasses: 3, inChannels: 1).ToChannelsLast();
        again.load_state_dict(PyTorchFiles.Load(dir.File("cl.pt")));
        var w = again.state_dict()["layer1.0.conv1.weight"];
        Assert.True(w.IsChannelsLast());
        Assert.Equal(0, (w - model.state_dict()["layer1.0.conv1.weight"]).abs().max().Item());
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what = "output")
    {
        var scale = Math.Max(1e-3, expected.abs().max().Item());
        var diff = (expected - actual).abs().max().Item();
        Assert.True(diff < 1e-4 * scale, $"{what}: max |diff| {diff} (scale {scale})");
    }
}
