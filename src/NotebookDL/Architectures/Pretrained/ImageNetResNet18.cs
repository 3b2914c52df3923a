using System.Text;
using NotebookDL.Serialization.Onnx;

namespace NotebookDL.Architectures;

/// <summary>
/// An ImageNet-trained ResNet-18 from NuGet: the ONNX model in Microsoft's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>
/// package (MIT licence; ML.NET's image featurizer, exported from CNTK), read from the NuGet packages folder where a
/// restore put it. Nothing is downloaded at run time: reference the package (any project, e.g.
/// <c>dotnet add package Microsoft.ML.DnnImageFeaturizer.ResNet18 --version 0.24.0</c>, or <c>#r "nuget: ..."</c> in a
/// notebook) and the file is there.
/// <para>The network is torchvision's ResNet-18 with one more 512-channel block (stages of 2, 2, 2 and 3 BasicBlocks). As
/// exported, its input is what ML.NET's ResNetPreprocess model makes of 0-255 RGB pixels: BGR order, minus a per-pixel
/// ImageNet mean image (<see cref="Preprocess"/>). <see cref="Load"/> turns the first convolution round to read RGB by
/// default, so that fine-tuning takes images as every other model here does, normalised with <see cref="Stats"/>.</para>
/// <para>Fine-tuning: <c>VisionLearner(dls, ImageNetResNet18.Architecture, pretrained: ImageNetResNet18.WeightsFile())</c>
/// with <c>Normalize.FromStats(ImageNetResNet18.Stats.Mean, ImageNetResNet18.Stats.Std)</c> in the batch transforms.</para>
/// <para>CNTK pads its stride-2 layers on the top and left only; at inputs whose size is a multiple of 32 (224 included)
/// every stride-2 layer sees an even size and that padding gives exactly what PyTorch's symmetric padding gives, which
/// is what this model uses at every size.</para>
/// </summary>
public static class ImageNetResNet18
{
    /// <summary>The NuGet package that carries the weights, and the version these files were checked with.</summary>
    public const string Package = "Microsoft.ML.DnnImageFeaturizer.ResNet18", Version = "0.24.0";

    /// <summary>Blocks per stage of the exported network.</summary>
    public static IReadOnlyList<int> Layers { get; } = [2, 2, 2, 3];

    /// <summary>The ONNX network (features before the classifier): ResNet18Onnx/ResNet18.onnx in the restored package.</summary>
    public static string ModelPath(string? packagesFolder = null) => PackageFile("ResNet18Onnx/ResNet18.onnx", packagesFolder);

    /// <summary>ML.NET's preprocessing as ONNX (RGB to BGR, minus the mean image): ResNetPrepOnnx/ResNetPreprocess.onnx.</summary>
    public static string PreprocessPath(string? packagesFolder = null) => PackageFile("ResNetPrepOnnx/ResNetPreprocess.onnx", packagesFolder);

    /// <summary>
    /// The per-channel statistics for <c>Normalize</c> on 0-1 RGB images that give the RGB network what it was trained
    /// on: 255·x minus the mean image's channel means (R 123.15, G 115.90, B 103.06), no scaling.
    /// </summary>
    public static (float[] Mean, float[] Std) Stats => (
        [.. ChannelMeans().Reverse().Select(m => m / 255f)], [1 / 255f, 1 / 255f, 1 / 255f]);

    /// <summary>The architecture, randomly initialised (what an exported learner rebuilds before loading its weights).</summary>
    public static ResNetModel Architecture() => new(ResNetBlockKind.Basic, Layers);

    /// <summary>
    /// The pretrained network as our <see cref="ResNetModel"/> (fc random, <paramref name="numClasses"/> outputs); with
    /// <paramref name="mapping"/>, which ONNX tensor went where. <paramref name="bgrInput"/> keeps the exported
    /// network's channel order (for <see cref="Preprocess"/>'s output); by default it reads RGB.
    /// </summary>
    public static ResNetModel Load(long numClasses = 1000, string? path = null, StringBuilder? mapping = null, bool bgrInput = false)
    {
        var model = OnnxResNetImport.Load(OnnxModel.Read(path ?? ModelPath()), Layers, numClasses, mapping);
        if (!bgrInput)
        {
            using var noGrad = torch.no_grad();
            using var rgb = model.conv1.weight!.flip(1);
            model.conv1.weight!.copy_(rgb);
        }
        return model;
    }

    /// <summary>
    /// The RGB network's weights as a PyTorch state dict file (torchvision's keys, layer4 with three blocks), written once
    /// under <paramref name="cacheDir"/> (default ~/.cache/notebookdl/models) and reused: what <c>VisionLearner</c>'s
    /// <c>pretrained</c> takes.
    /// </summary>
    public static string WeightsFile(string? cacheDir = null)
    {
        cacheDir ??= UserCache.Folder("models");
        var path = Path.Combine(cacheDir, $"imagenet-resnet18-{Version}.pt");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(cacheDir);
        // Written beside and renamed into place, so an interrupted or concurrent write never leaves a torn file.
        var partial = $"{path}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var model = Load()) PyTorchFiles.Save(model.state_dict(), partial);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        return path;
    }

    /// <summary>
    /// ML.NET's preprocessing of (N, 3, H, W) RGB pixels in 0..255: channels reversed to BGR, minus the package's
    /// mean image (224x224, resized bilinearly to H x W when they differ).
    /// </summary>
    public static Tensor Preprocess(Tensor rgb, string? preprocessPath = null)
    {
        if (rgb.dim() != 4 || rgb.shape[1] != 3)
            throw new ArgumentException($"Preprocess expects RGB batches (N, 3, H, W) of 0-255 pixels; got shape [{string.Join(", ", rgb.shape)}].", nameof(rgb));
        using var scope = torch.NewDisposeScope();
        var mean = MeanImage(preprocessPath).to(rgb.device);
        if (mean.shape[2] != rgb.shape[2] || mean.shape[3] != rgb.shape[3])
            mean = nn.functional.interpolate(mean, [rgb.shape[2], rgb.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
        var bgr = rgb.to(ScalarType.Float32).flip(1);
        return bgr.sub(mean).MoveToOuterDisposeScope();
    }

    private static readonly Lazy<float[]> MeanValues = new(() => ReadMean(PreprocessPath()));

    /// <summary>The mean image's channel means, in its BGR order.</summary>
    private static float[] ChannelMeans()
    {
        var values = MeanValues.Value;
        var plane = values.Length / 3;
        return [.. Enumerable.Range(0, 3).Select(c => (float)values.AsSpan(c * plane, plane).ToArray().Average())];
    }

    private static Tensor MeanImage(string? path)
    {
        var values = path is null ? MeanValues.Value : ReadMean(path);
        return torch.tensor(values, [1, 3, 224, 224]);
    }

    private static float[] ReadMean(string path)
    {
        var model = OnnxModel.Read(path);
        var sub = model.Nodes.FirstOrDefault(n => n.OpType == "Sub") ?? throw new InvalidDataException($"'{path}' has no Sub node: not ML.NET's ResNet preprocessing.");
        var mean = sub.Inputs.Select(i => model.Initializers.GetValueOrDefault(i)).OfType<OnnxTensor>().FirstOrDefault()
            ?? throw new InvalidDataException($"'{path}': its Sub node subtracts no constant.");
        if (!mean.Dims.SequenceEqual([1L, 3, 224, 224]) || mean.Floats is null)
            throw new InvalidDataException($"'{path}': the mean image is {mean}, expected float32 [1, 3, 224, 224].");
        return mean.Floats;
    }

    private static string PackageFile(string relative, string? packagesFolder)
    {
        var root = packagesFolder ?? NuGetPackagesFolder();
        var path = Path.Combine(root, Package.ToLowerInvariant(), Version, "tools", "DnnImageModels", relative);
        if (File.Exists(path)) return path;
        throw new FileNotFoundException(
            $"The ImageNet ResNet-18 is not in the NuGet packages folder ({root}): restore {Package} {Version} once " +
            $"(`dotnet add package {Package} --version {Version}` in any project, or #r \"nuget: {Package}, {Version}\" in a notebook).", path);
    }

    /// <summary>NuGet's global packages folder: NUGET_PACKAGES, else ~/.nuget/packages (every OS).</summary>
    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
