using System.Text;
using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using NotebookDL.Architectures;
using NotebookDL.Serialization.Onnx;
using NotebookDL.Tests.Vision.Learner;
using NotebookDL.Vision;
using Xunit.Abstractions;

namespace NotebookDL.Tests.Architectures;

/// <summary>
/// The ImageNet ResNet-18 imported from Microsoft's ONNX file gives ONNX Runtime's features on real images (the
/// lesson-6 photo, Fashion-MNIST items upscaled), after the same preprocessing as ML.NET's own preprocessing model; bad
/// files fail with messages that say what is wrong.
/// </summary>
public sealed class ImageNetResNet18Tests(ITestOutputHelper output)
{
    private const string Photo = "/usr/lib/R/site-library/isoband/extdata/ocean-cat.jpg";

    /// <summary>(N, 3, 224, 224) RGB 0-255: the photo's centre crop and three Fashion-MNIST items, upscaled and grey.</summary>
    private static Tensor RealImages()
    {
        using var scope = torch.NewDisposeScope();
        var photo = ImageIO.Load(Photo, "RGB").permute(2, 0, 1).to(ScalarType.Float32).unsqueeze(0);
        var side = Math.Min(photo.shape[2], photo.shape[3]);
        var top = (photo.shape[2] - side) / 2;
        var left = (photo.shape[3] - side) / 2;
        var square = photo.narrow(2, top, side).narrow(3, left, side);
        var cat = nn.functional.interpolate(square, [224, 224], mode: InterpolationMode.Bilinear, align_corners: false);
        var (x, _) = Datasets.FashionMnist.Load(train: false, limit: 3);
        var gray = x.dim() == 3 ? x.unsqueeze(1) : x;
        var items = nn.functional.interpolate(gray.to(ScalarType.Float32), [224, 224], mode: InterpolationMode.Bilinear, align_corners: false).expand(-1, 3, -1, -1);
        return torch.cat([cat, items], 0).clamp(0, 255).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>The ONNX model on each image in turn (the exported graphs take a batch of one), outputs concatenated.</summary>
    private static float[] RunOnnx(string path, string input, Tensor x)
    {
        using var session = new InferenceSession(path);
        var outputs = new List<float>();
        for (var i = 0; i < x.shape[0]; i++)
        {
            using var one = x.narrow(0, i, 1).contiguous();
            var tensor = new DenseTensor(one.ToArray<float>(), one.shape.Select(d => (int)d).ToArray());
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, tensor)]);
            outputs.AddRange(results.First().AsTensor<float>());
        }
        return outputs.ToArray();
    }

    private static Tensor Features(ResNetModel model, Tensor x)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        var h = model.maxpool.call(model.relu.call(model.bn1.call(model.conv1.call(x))));
        h = model.layer4.call(model.layer3.call(model.layer2.call(model.layer1.call(h))));
        return model.avgpool.call(h);
    }

    private static double RelativeError(float[] expected, float[] got)
    {
        Assert.Equal(expected.Length, got.Length);
        var scale = expected.Max(v => Math.Abs(v));
        return expected.Zip(got).Max(p => Math.Abs(p.First - p.Second)) / scale;
    }

    [Fact]
    public void Preprocessing_equals_MLNETs_preprocessing_model()
    {
        using var scope = torch.NewDisposeScope();
        var x = RealImages();
        var expected = RunOnnx(ImageNetResNet18.PreprocessPath(), "OriginalInput", x);
        var got = ImageNetResNet18.Preprocess(x).ToArray<float>();
        Assert.True(RelativeError(expected, got) <= 1e-6, $"relative error {RelativeError(expected, got):E2}");
    }

    [Fact]
    public void Features_equal_ONNX_Runtimes_on_real_images()
    {
        using var scope = torch.NewDisposeScope();
        var mapping = new StringBuilder();
        using var model = ImageNetResNet18.Load(mapping: mapping, bgrInput: true);   // Preprocess gives BGR, as exported
        var x = ImageNetResNet18.Preprocess(RealImages());
        var expected = RunOnnx(ImageNetResNet18.ModelPath(), "Input247", x);
        var got = Features(model, x);
        Assert.Equal([4L, 512, 1, 1], got.shape);
        var error = RelativeError(expected, got.ToArray<float>());
        output.WriteLine($"max |ours - ONNX Runtime| / max |ONNX Runtime| = {error:E2}");
        Assert.True(error <= 1e-4, $"relative error {error:E2}");
        // Every convolution and batch norm was copied: 22 convs + 22 batch norms x 4 tensors.
        Assert.Equal(22 + 22 * 4, mapping.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("layer4.2.conv2.weight <- ", mapping.ToString());
        // The features mean something: the cat photo and a Fashion-MNIST item are further apart than two items.
        var f = got.flatten(1);
        var d = torch.cdist(f, f);
        Assert.True(d[0, 1].ToSingle() > d[1, 2].ToSingle(), "the photo's features are not set apart from the clothes'");
    }

    [Fact]
    public void The_RGB_network_is_the_exported_one_with_its_first_layer_turned_round()
    {
        using var scope = torch.NewDisposeScope();
        using var bgr = ImageNetResNet18.Load(bgrInput: true);
        using var rgb = ImageNetResNet18.Load();
        var x = ImageNetResNet18.Preprocess(RealImages());
        Assert.True(TinyImages.Close(Features(rgb, x.flip(1)), Features(bgr, x), 1e-4));
    }

    [Fact]
    public void A_vision_learner_fine_tunes_from_the_ImageNet_weights_and_exports()
    {
        var dir = Directory.CreateTempSubdirectory("nbdl-imagenet-").FullName;
        try
        {
            var weights = ImageNetResNet18.WeightsFile(dir);
            var written = File.GetLastWriteTimeUtc(weights);
            Assert.Equal(weights, ImageNetResNet18.WeightsFile(dir));
            Assert.Equal(written, File.GetLastWriteTimeUtc(weights));   // made once, then reused

            var learn = Learners.VisionLearner(TinyImages.Loaders(), ImageNetResNet18.Architecture, pretrained: weights, progress: false);
            var model = (BodyHeadModel)learn.Model;
            // One input channel: fastai's adaptation sums the RGB filters of the imported stem.
            using (var reference = ImageNetResNet18.Load())
            using (var summed = reference.conv1.weight!.sum(1, keepdim: true))
                Assert.True(TinyImages.Close(model.Body.modules().OfType<Conv2d>().First().weight!, summed, 1e-5));
            Assert.Equal(3, model.Body.modules().OfType<BasicBlock>().Count(b => b.conv1.in_channels == 512 || b.conv2.out_channels == 512));
            // Frozen: only batch norms train in the body.
            Assert.All(model.Body.modules().OfType<Conv2d>(), c => Assert.False(c.weight!.requires_grad));

            learn.Fit(1, 1e-3);
            var file = Path.Combine(dir, "learner.nbdl");
            learn.Export(file);
            var loaded = NotebookDL.Learning.Learner.Load(file);
            using var scope = torch.NewDisposeScope();
            var x = torch.rand(4, 1, 16, 16);
            learn.Model.eval();
            loaded.Model.eval();
            using var noGrad = torch.no_grad();
            Assert.True(TinyImages.Close(loaded.Model.call(x), learn.Model.call(x), 1e-4));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ImageNetResNet18.Load(path: "/nonexistent/ResNet18.onnx"));
        Assert.Contains("/nonexistent/ResNet18.onnx", error.Message);
        var notRestored = Assert.Throws<FileNotFoundException>(() => ImageNetResNet18.ModelPath(packagesFolder: Path.GetTempPath()));
        Assert.Contains("dotnet add package Microsoft.ML.DnnImageFeaturizer.ResNet18 --version 0.24.0", notRestored.Message);
    }

    [Fact]
    public void A_file_that_is_not_ONNX_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModel.Read(Photo));
        Assert.Contains("ocean-cat.jpg", error.Message);
        Assert.Contains("ONNX", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused_where_it_ends()
    {
        var bytes = File.ReadAllBytes(ImageNetResNet18.ModelPath());
        var error = Assert.Throws<InvalidDataException>(() => OnnxModel.Parse(bytes.AsSpan(0, bytes.Length / 2), "half.onnx"));
        Assert.Contains("half.onnx", error.Message);
        Assert.Contains("byte", error.Message);
    }

    [Fact]
    public void Shapes_and_block_counts_that_do_not_fit_are_named()
    {
        var model = OnnxModel.Read(ImageNetResNet18.ModelPath());
        var blocks = Assert.Throws<ArgumentException>(() => OnnxResNetImport.Load(model, [2, 2, 2, 2]));
        Assert.Contains("9 residual additions", blocks.Message);

        // The stem's weight given a 5x5 kernel: the copy names both sides.
        var stem = model.Initializers[model.Nodes.First(n => n.OpType == "Conv").Inputs[1]];
        var changed = new Dictionary<string, OnnxTensor>(model.Initializers)
        {
            [stem.Name] = stem with { Dims = [64, 3, 5, 5], Floats = new float[64 * 3 * 5 * 5] },
        };
        var tampered = model with { Initializers = changed };
        var shape = Assert.Throws<ArgumentException>(() => OnnxResNetImport.Load(tampered, ImageNetResNet18.Layers));
        Assert.Contains("Shape mismatch", shape.Message);
        Assert.Contains("[64, 3, 5, 5]", shape.Message);
        Assert.Contains("conv1.weight [64, 3, 7, 7]", shape.Message);
    }
}
