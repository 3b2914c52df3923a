using NotebookDL.Architectures;

namespace NotebookDL.Architectures.Tests;

/// <summary>Truncated-normal initialisation (fastai's embeddings) against PyTorch's, and TorchSharp's defect pinned.</summary>
public sealed class TruncNormalTests
{
    [Fact]
    public void TorchSharp_trunc_normal_fills_a_constant_when_the_mean_is_zero()
    {
        // When this fails, TorchSharp fixed nn.init.trunc_normal_ and TruncNormal may go.
        using var t = torch.empty(200, 50);
        nn.init.trunc_normal_(t, std: 0.01, a: -0.02, b: 0.02);
        Assert.Equal(0.0, t.std().item<float>(), 6);
    }

    [Fact]
    public void Samples_have_PyTorchs_moments_and_bounds()
    {
        var expected = PythonProcess.Run("""
            import torch
            torch.manual_seed(0)
            t = torch.nn.init.trunc_normal_(torch.empty(400, 500), std=0.01, a=-0.02, b=0.02)
            print(f"{t.mean().item()} {t.std().item()} {t.min().item()} {t.max().item()}")
            """).Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        using var t = TruncNormal.Fill_(torch.empty(400, 500), std: 0.01, a: -0.02, b: 0.02);
        Assert.Equal(expected[0], t.mean().item<float>(), 4);
        Assert.Equal(expected[1], t.std().item<float>(), 4); // 0.0088 for a normal cut at two standard deviations
        Assert.InRange(t.min().item<float>(), -0.02f, -0.0199f);
        Assert.InRange(t.max().item<float>(), 0.0199f, 0.02f);
        Assert.True(expected[2] >= -0.02 && expected[3] <= 0.02);
    }
}
