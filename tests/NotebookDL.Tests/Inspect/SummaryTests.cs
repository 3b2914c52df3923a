using NotebookDL.Learning;

namespace NotebookDL.Tests.Inspect;

/// <summary>ModelSummary's counts against hand counts.</summary>
public sealed class SummaryTests
{
    [Fact]
    public void A_3x3_conv_from_3_to_64_channels_on_224x224_does_64_27_224_224_multiply_adds()
    {
        using var conv = nn.Conv2d(3, 64, 3, padding: 1);
        var summary = ModelSummary.Of(conv, 2, 3, 224, 224);
        var layer = Assert.Single(summary.Layers);
        Assert.Equal(64L * 27 * 224 * 224, layer.MultAdds);
        Assert.Equal(86_704_128L, layer.MultAdds);
        Assert.Equal(64L * 27 + 64, layer.Params);
        Assert.Equal([2L, 64, 224, 224], layer.OutputShape);
    }

    [Fact]
    public void Strides_groups_and_linear_layers_are_counted_per_item()
    {
        using var model = nn.Sequential(
            nn.Conv2d(8, 16, 3, stride: 2, padding: 1, groups: 4, bias: false), // out 16x16x16, each output reads 8/4 x 3 x 3 inputs
            nn.BatchNorm2d(16), nn.ReLU(), nn.Flatten(),
            nn.Linear(16 * 16 * 16, 10));
        var summary = ModelSummary.Of(model, 4, 8, 32, 32);
        Assert.Equal([16L * 16 * 16 * 2 * 9, 0, 0, 0, 4096L * 10], summary.Layers.Select(l => l.MultAdds));
        Assert.Equal([16L * 2 * 9, 32, 0, 0, 4096L * 10 + 10], summary.Layers.Select(l => l.Params));
        Assert.Equal(summary.Layers.Sum(l => l.MultAdds), summary.TotalMultAdds);
        Assert.Contains("Mult-Adds", summary.ToString());
        Assert.Contains("73,728", summary.ToHtml());
    }

    [Fact]
    public void A_bad_input_shape_is_named()
    {
        using var conv = nn.Conv2d(3, 4, 3);
        var error = Assert.Throws<ArgumentException>(() => ModelSummary.Of(conv, 1, 0, 8, 8));
        Assert.Contains("[1, 0, 8, 8]", error.Message);
    }
}
