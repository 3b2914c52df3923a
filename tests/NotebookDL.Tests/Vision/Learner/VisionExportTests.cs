using System.IO.Compression;
using NotebookDL.Architectures;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision.Learner;

using M = NotebookDL.Architectures.Models;
using L = NotebookDL.Learning.Learner;

/// <summary>
/// Export then Load rebuilds every vision learner the library can build: on our ResNets, on a TorchVision model or a
/// user's own architecture function named with <see cref="Learners.RegisterArch"/>, with head options and a cut, and from a
/// torchvision-style weights file. The loaded learner must predict what the exported one did.
/// </summary>
public sealed class VisionExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nbdl-vexport-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Tensor Outputs(L learn, Tensor x)
    {
        learn.Model.eval();
        using var noGrad = torch.no_grad();
        return learn.Model.call(x).detach();
    }

    private void AssertLoadedPredictsTheSame(L learn)
    {
        var file = Path.Combine(_dir, "learner.nbdl");
        learn.Export(file);
        var loaded = L.Load(file);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(4, 1, 16, 16);
        var expected = Outputs(learn, x);
        var got = Outputs(loaded, x);
        Assert.Equal(expected.shape, got.shape);
        Assert.True(TinyImages.Close(got, expected, 1e-4), "the loaded learner predicts differently");
    }

    [Fact]
    public void A_TorchVision_model_exports_once_its_architecture_is_named()
    {
        var arch = Learners.RegisterArch("tests.torchvision.resnet18", () => torchvision.models.resnet18());
        var learn = Learners.VisionLearner(TinyImages.Loaders(), arch, progress: false);
        learn.Fit(1, 1e-3);
        AssertLoadedPredictsTheSame(learn);
    }

    [Fact]
    public void Head_options_and_a_cut_are_rebuilt()
    {
        var arch = Learners.RegisterArch("tests.torchvision.resnet34", () => torchvision.models.resnet34());
        var learn = Learners.VisionLearner(TinyImages.Loaders(), arch, head: new HeadOptions(LinFtrs: [32], Ps: 0.25), cut: -2, progress: false);
        learn.Fit(1, 1e-3);
        Assert.Equal(32, ((BodyHeadModel)learn.Model).Head.modules().OfType<Linear>().First().out_features);
        AssertLoadedPredictsTheSame(learn);
    }

    [Fact]
    public void A_learner_started_from_a_torchvision_style_weights_file_exports()
    {
        var weights = Path.Combine(_dir, "resnet18.pt");
        using (var model = M.ResNet18()) PyTorchFiles.Save(model.state_dict(), weights);
        var learn = Learners.VisionLearner(TinyImages.Loaders(), M.ResNet18, pretrained: weights, progress: false);
        Assert.NotNull(learn.ModelSpec);
        AssertLoadedPredictsTheSame(learn);
    }

    [Fact]
    public void An_unnamed_architecture_says_how_to_name_it()
    {
        var learn = Learners.VisionLearner(TinyImages.Loaders(), () => M.ResNet18(), progress: false);
        var error = Assert.Throws<InvalidOperationException>(() => learn.Export(Path.Combine(_dir, "x.nbdl")));
        Assert.Contains("Learners.RegisterArch", error.Message);
    }

    [Fact]
    public void Loading_without_the_architecture_names_it()
    {
        var arch = Learners.RegisterArch("tests.registered-here", () => M.ResNet18());
        var file = Path.Combine(_dir, "learner.nbdl");
        Learners.VisionLearner(TinyImages.Loaders(), arch, progress: false).Export(file);
        // As if loaded by a process that never registered it: the saved name is one nobody registered.
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("learner.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open())) json = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("learner.json").Open());
            writer.Write(json.Replace("tests.registered-here", "tests.never-registered"));
        }
        var error = Assert.Throws<KeyNotFoundException>(() => L.Load(file));
        Assert.Contains("tests.never-registered", error.Message);
        Assert.Contains("RegisterArch", error.Message);
    }
}
