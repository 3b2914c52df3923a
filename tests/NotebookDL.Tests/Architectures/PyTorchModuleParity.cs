namespace NotebookDL.Architectures.Tests;

/// <summary>
/// A module against a PyTorch reference built from its state dict: the reference script gets
/// <c>state.pt x.pt ARG result.pt</c> and builds <c>m</c>, its own torch.nn module with that state loaded (in the mode
/// the test asks for); <see cref="Tail"/> then runs <c>x</c>, backpropagates <c>(out ** 2).sum()</c> and saves
/// <c>{'out': ..., 'grad.NAME': ...}</c>. Here the same is done with our module; the output and every parameter's
/// gradient must agree within 1e-5.
/// </summary>
internal static class PyTorchModuleParity
{
    /// <summary>Appended to every reference script: the forward and backward pass of <c>m</c> on <c>x</c>, saved.</summary>
    private const string Tail = """
        out = m(x)
        (out ** 2).sum().backward()
        result = {'out': out.detach()}
        result.update({'grad.' + n: p.grad for n, p in m.named_parameters()})
        torch.save(result, sys.argv[4])
        """;

    public static void AssertForwardBackward(nn.Module<Tensor, Tensor> model, Tensor x, bool training, string referenceScript, string argument)
    {
        using var dir = new TempDir();
        // Saved before the forward pass: in training mode batch norm updates its running statistics.
        PyTorchFiles.Save(model.state_dict(), dir.File("state.pt"));
        PyTorchFiles.Save(new Dictionary<string, Tensor> { ["x"] = x }, dir.File("x.pt"));
        model.train(training);
        var output = model.forward(x);
        output.square().sum().backward();
        PythonProcess.Run(referenceScript + "\n" + Tail, dir.File("state.pt"), dir.File("x.pt"), argument, dir.File("result.pt"));
        var expected = PyTorchFiles.Load(dir.File("result.pt"));

        var reference = expected["out"].reshape(output.shape);
        Assert.True(output.allclose(reference, rtol: 1e-5, atol: 1e-5), $"outputs differ by {(output - reference).abs().max().ToDouble()}");
        foreach (var (name, p) in model.named_parameters())
        {
            var grad = p.grad ?? throw new Xunit.Sdk.XunitException($"{name} has no gradient");
            Assert.True(grad.allclose(expected["grad." + name], rtol: 1e-5, atol: 1e-5), $"grad of {name} differs by {(grad - expected["grad." + name]).abs().max().ToDouble()}");
        }
    }
}
