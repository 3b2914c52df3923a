using NotebookDL.Inspect;
using NotebookDL.Tests.Vision.Learner;

namespace NotebookDL.Tests.Inspect;

/// <summary>Grad-CAM and the average-activation map against the same computation in PyTorch 1.13 on our weights.</summary>
public sealed class GradCamTests
{
    // The course's recipe with PyTorch hooks: the layer's output kept with retain_grad, the class score backpropagated,
    // channel weights = spatial mean of the gradient, map = ReLU of the channel mean of weights x activations.
    private const string Reference = """
        import sys, torch, torch.nn as nn, torch.nn.functional as F
        torch.set_num_threads(1)
        state, x, cls = torch.load(sys.argv[1]), torch.load(sys.argv[2])['x'], int(sys.argv[3])
        m = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 4 * 4, 3))
        m.load_state_dict(state)
        m.eval()
        kept = {}
        def hook(module, inp, out):
            out.retain_grad()
            kept['a'] = out
        handle = m[3].register_forward_hook(hook)
        scores = m(x)
        scores[0, cls].backward()
        a, g = kept['a'][0].detach(), kept['a'].grad[0]
        cam = F.relu((a * g.mean((1, 2), keepdim=True)).mean(0))
        up = F.interpolate(cam[None, None], size=(32, 32), mode='bilinear', align_corners=False)[0, 0]
        torch.save({'cam': cam, 'up': up, 'avg': a.mean(0)}, sys.argv[4])
        """;

    private static Sequential SmallCnn() => nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.ReLU(), nn.Conv2d(4, 6, 3, padding: 1), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 4 * 4, 3));

    [Fact]
    public void GradCam_and_the_average_activation_match_PyTorch_for_every_class()
    {
        using var scope = torch.NewDisposeScope();
        using var dir = new TempDir();
        var model = SmallCnn();
        var x = torch.randn(1, 1, 8, 8);
        PyTorchFiles.Save(model.state_dict(), dir.File("state.pt"));
        PyTorchFiles.Save(new Dictionary<string, Tensor> { ["x"] = x }, dir.File("x.pt"));
        var anyPositive = false;
        for (var cls = 0; cls < 3; cls++)
        {
            PythonProcess.Run(Reference, dir.File("state.pt"), dir.File("x.pt"), cls.ToString(), dir.File("out.pt"));
            var expected = PyTorchFiles.Load(dir.File("out.pt"));
            var cam = GradCam.Compute(model, x, cls, model[3]);
            Assert.Equal([8L, 8L], cam.shape);
            Assert.True(cam.allclose(expected["cam"], rtol: 1e-4, atol: 1e-6), $"class {cls}: Grad-CAM differs by {(cam - expected["cam"]).abs().max().item<float>()}");
            var up = GradCam.Upsample(cam, 32, 32);
            Assert.True(up.allclose(expected["up"], rtol: 1e-4, atol: 1e-6));
            var avg = GradCam.AverageActivation(model, x[0], model[3]);
            Assert.True(avg.allclose(expected["avg"], rtol: 1e-4, atol: 1e-6));
            anyPositive |= cam.max().item<float>() > 0;
        }
        // A map can be all zero for a class the image argues against (the ReLU), but not for every class.
        Assert.True(anyPositive);
        // Training mode is restored and no parameter keeps a gradient from the explanation.
        Assert.True(model.training);
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void The_default_layer_is_the_last_one_with_a_map_output()
    {
        using var scope = torch.NewDisposeScope();
        var model = SmallCnn();
        Assert.Same(model[4], GradCam.LastMapLayer(model, torch.randn(1, 8, 8)));
        // A convolutional head's 1x1 output is not a map: the layer before it is chosen.
        var convHead = nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.MaxPool2d(2), nn.Conv2d(4, 3, 4), nn.Flatten());
        Assert.Same(convHead[1], GradCam.LastMapLayer(convHead, torch.randn(1, 8, 8)));
    }

    [Fact]
    public void Bad_layers_and_batches_are_named()
    {
        using var scope = torch.NewDisposeScope();
        var model = SmallCnn();
        var x = torch.randn(1, 1, 8, 8);
        var foreign = Assert.Throws<ArgumentException>(() => GradCam.Compute(model, x, 0, nn.Conv2d(1, 4, 3)));
        Assert.Contains("not part of the model", foreign.Message);
        var linear = Assert.Throws<ArgumentException>(() => GradCam.Compute(model, x, 0, model[6]));
        Assert.Contains("not a (1, channels, height, width) map", linear.Message);
        var batch = Assert.Throws<ArgumentException>(() => GradCam.Compute(model, torch.randn(2, 1, 8, 8), 0));
        Assert.Contains("one image", batch.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradCam.Compute(model, x, 3, model[3]));
        var noMaps = Assert.Throws<ArgumentException>(() => GradCam.Compute(nn.Sequential(nn.Flatten(), nn.Linear(64, 3)), x, 0));
        Assert.Contains("no layer with a (batch, channels, height, width) output", noMaps.Message);
    }

    [Fact]
    public void A_learner_explains_a_validation_item_and_draws_it_over_the_picture()
    {
        var dls = TinyImages.Loaders(size: 16);
        var learn = new NotebookDL.Vision.VisionLearner(dls, SmallCnnFor16(), progress: false);
        var heatmap = learn.GradCam(3, cls: "b_bright");
        Assert.Equal("b_bright", heatmap.Class);
        Assert.Equal(TinyImages.Classes[3 % 2], heatmap.Actual);
        Assert.Equal([8L, 8L], heatmap.Map.shape);
        Assert.Equal(16, heatmap.Image.Width);
        var overlay = HeatmapOverlay.Draw(heatmap.Image, heatmap.Map);
        Assert.Equal((160, 160, 3), (overlay.Width, overlay.Height, overlay.Channels));
        var grid = learn.ShowGradCams([0, 1, 2, 3, 4, 5]);
        Assert.True(grid.Data.ContainsKey("image/png"));
        var html = (string)grid.Data["text/html"];
        Assert.Contains("predicted", html);
        // Four pictures a row, each figure as wide as its picture (captions wrap): 4 x 160 px + gaps fit a 1,000 px column.
        Assert.Contains("repeat(4,max-content)", html);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(html, "<figure style=\"[^\"]*width:160px").Count);
        Assert.Contains("class=\"color-scale\"", html);
        Assert.Contains("maximum", html);
        var actual = learn.ShowGradCams([0, 1], forActual: true);
        Assert.Contains($"#1 for {TinyImages.Classes[1]}", actual.Data["text/plain"]);
        var missing = Assert.Throws<ArgumentException>(() => learn.GradCam(0, cls: "c_medium"));
        Assert.Contains("c_medium", missing.Message);
    }

    private static Sequential SmallCnnFor16() => nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.ReLU(), nn.Conv2d(4, 6, 3, padding: 1), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 8 * 8, 2));
}
