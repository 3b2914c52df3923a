
namespace NotebookDL.Architectures;

/// <summary>
/// Model factories for the course. Each architecture has a parameterless overload so that the method group is a
/// <c>Func&lt;Module&lt;Tensor, Tensor&gt;&gt;</c> (<c>VisionLearner(dls, Models.ResNet18)</c>), and an overload with
/// options (<c>Models.ResNet18(numClasses: 10, inChannels: 1)</c>, <c>Models.ResNet34(pretrained: "resnet34.pth")</c>).
/// <para>
/// Name lookup note: code inside a <c>NotebookDL.*</c> namespace sees the namespace <c>NotebookDL.Architectures</c> before
/// this class; write <c>using Models = NotebookDL.Architectures.Models;</c> after the file's <c>namespace</c> line there.
/// Notebook code with <c>using NotebookDL.Architectures;</c> just writes <c>Models.ResNet18</c>.
/// </para>
/// </summary>
public static partial class Models
{
    /// <summary>torchvision's resnet18 (11.7M parameters with 1000 classes): (N, 3, H, W) → (N, 1000).</summary>
    public static ResNetModel ResNet18() => ResNet18(1000);

    /// <summary>torchvision's resnet18: BasicBlock × [2, 2, 2, 2]; (N, inChannels, H, W) → (N, numClasses).</summary>
    /// <param name="numClasses">Outputs of fc.</param>
    /// <param name="inChannels">Image channels (1 for grayscale).</param>
    /// <param name="pretrained">Local path of a torchvision state dict (e.g. resnet18-f37072fd.pth) to load.</param>
    public static ResNetModel ResNet18(long numClasses = 1000, long inChannels = 3, string? pretrained = null) =>
        Build(ResNetBlockKind.Basic, [2, 2, 2, 2], numClasses, inChannels, pretrained);

    /// <summary>torchvision's resnet34 (21.8M parameters): (N, 3, H, W) → (N, 1000).</summary>
    public static ResNetModel ResNet34() => ResNet34(1000);

    /// <summary>torchvision's resnet34: BasicBlock × [3, 4, 6, 3]; parameters as <see cref="ResNet18(long, long, string?)"/>.</summary>
    public static ResNetModel ResNet34(long numClasses = 1000, long inChannels = 3, string? pretrained = null) =>
        Build(ResNetBlockKind.Basic, [3, 4, 6, 3], numClasses, inChannels, pretrained);

    /// <summary>torchvision's resnet50 (25.6M parameters): (N, 3, H, W) → (N, 1000).</summary>
    public static ResNetModel ResNet50() => ResNet50(1000);

    /// <summary>torchvision's resnet50: Bottleneck × [3, 4, 6, 3], 2048 features; parameters as <see cref="ResNet18(long, long, string?)"/>.</summary>
    public static ResNetModel ResNet50(long numClasses = 1000, long inChannels = 3, string? pretrained = null) =>
        Build(ResNetBlockKind.Bottleneck, [3, 4, 6, 3], numClasses, inChannels, pretrained);

    private static ResNetModel Build(ResNetBlockKind block, int[] layers, long numClasses, long inChannels, string? pretrained)
    {
        var model = new ResNetModel(block, layers, numClasses, inChannels);
        if (pretrained is null) return model;
        try
        {
            PretrainedWeights.LoadResNet(model, pretrained);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
