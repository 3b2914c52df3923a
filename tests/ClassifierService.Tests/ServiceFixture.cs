using NotebookDL.Learning;
using NotebookDL.Vision;

namespace ClassifierService.Tests;

/// <summary>
/// A Fashion-MNIST classifier trained for one short epoch and exported, a few test pictures as PNG files, and the service
/// serving the export. Shared by the tests (starting the service and training take seconds).
/// </summary>
public sealed class ServiceFixture : IDisposable
{
    private readonly TempDir dir = new();

    public ServiceFixture()
    {
        torch.manual_seed(0);
        var (x, y) = Datasets.FashionMnist.Load();
        var (xt, yt) = Datasets.FashionMnist.Load(train: false);
        var dls = ImageDataLoaders.FromTensors(x[..2000], y[..2000], xt[..200], yt[..200], Datasets.FashionMnist.Classes, bs: 64, seed: 0);
        using (var learn = Learners.VisionLearner(dls, NotebookDL.Architectures.Models.ResNet18, progress: false))
        {
            learn.FitOneCycle(1, 3e-3);
            ModelPath = Path.Combine(dir.Path, "classifier.nbdl");
            learn.Export(ModelPath);
        }
        Pictures = Enumerable.Range(0, 8).Select(i =>
        {
            var path = Path.Combine(dir.Path, $"test-{i}.png");
            ImageIO.SavePng(xt[i].unsqueeze(-1), path);
            return path;
        }).ToList();
        Labels = Enumerable.Range(0, 8).Select(i => Datasets.FashionMnist.Classes[(int)yt[i].item<long>()]).ToList();
        Service = new ServiceProcess(ModelPath);
    }

    public string ModelPath { get; }

    public string Folder => dir.Path;

    public IReadOnlyList<string> Pictures { get; }

    public IReadOnlyList<string> Labels { get; }

    public ServiceProcess Service { get; }

    public HttpClient Client() => new() { BaseAddress = Service.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose()
    {
        Service.Dispose();
        dir.Dispose();
    }
}

[CollectionDefinition(nameof(ServiceCollection))]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>;
