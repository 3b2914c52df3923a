using NotebookDL.Torch;
using NotebookDL.Torch.Modules;

namespace NotebookDL.Models;

public static partial class Models
{
    /// <summary>
    /// fastai's <c>_resnet_split</c> for a <see cref="VisionModel"/> built on a ResNet: three layer groups,
    /// [body children 0..5: stem + layer1 + layer2], [layer3 + layer4], [head]. Matches the Learner's
    /// <c>Splitter</c> delegate (<c>splitter: Models.ResNetSplit</c>); freezing trains the last group only, and
    /// <c>Slice(lo, hi)</c> spreads learning rates over the three.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Tensor>> ResNetSplit(Module model)
    {
        var (body, rest) = BodyAndHead(model);
        if (body.Count < 7) throw new ArgumentException($"A ResNet body has 8 children (stem, maxpool, layer1..layer4), got {body.Count}.", nameof(model));
        return [Params(body.Take(6)), Params(body.Skip(6)), Params(rest)];
    }

    /// <summary>fastai's <c>default_split</c>: two layer groups, [body], [head].</summary>
    public static IReadOnlyList<IReadOnlyList<Tensor>> DefaultSplit(Module model)
    {
        var (body, rest) = BodyAndHead(model);
        return [Params(body), Params(rest)];
    }

    private static (List<Module> body, List<Module> rest) BodyAndHead(Module model)
    {
        var top = model.children().ToList();
        if (model is not Sequential || top.Count < 2 || top[0] is not Sequential body)
            throw new ArgumentException($"Expected a Sequential(body, head) from Models.VisionModel, got {model.GetType().Name} with {top.Count} children.", nameof(model));
        return (body.children().ToList(), top.Skip(1).ToList());
    }

    private static IReadOnlyList<Tensor> Params(IEnumerable<Module> modules) => modules.SelectMany(m => m.parameters()).ToList();
}
