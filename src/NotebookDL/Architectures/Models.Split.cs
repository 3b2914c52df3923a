
namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// fastai's <c>_resnet_split</c> for a <see cref="VisionModel"/> built on a ResNet: three layer groups,
    /// [body children 0..5: stem + layer1 + layer2], [layer3 + layer4], [head]. Matches the Learner's
    /// <c>Splitter</c> delegate (<c>splitter: Models.ResNetSplit</c>); freezing trains the last group only, and
    /// <c>Slice(lo, hi)</c> spreads learning rates over the three.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Tensor>> ResNetSplit(nn.Module model)
    {
        var (body, rest) = BodyAndHead(model);
        if (body.Count < 7) throw new ArgumentException($"A ResNet body has 8 children (stem, maxpool, layer1..layer4), got {body.Count}.", nameof(model));
        return [Params(body.Take(6)), Params(body.Skip(6)), Params(rest)];
    }

    /// <summary>fastai's <c>default_split</c>: two layer groups, [body], [head].</summary>
    public static IReadOnlyList<IReadOnlyList<Tensor>> DefaultSplit(nn.Module model)
    {
        var (body, rest) = BodyAndHead(model);
        return [Params(body), Params(rest)];
    }

    private static (List<nn.Module> body, List<nn.Module> rest) BodyAndHead(nn.Module model)
    {
        if (model is not BodyHeadModel m)
            throw new ArgumentException($"Expected a BodyHeadModel (body, head) from Models.VisionModel, got {model.GetType().Name}.", nameof(model));
        return (m.Body.children().ToList(), [m.Head]);
    }

    private static IReadOnlyList<Tensor> Params(IEnumerable<nn.Module> modules) => modules.SelectMany(m => m.parameters()).ToList();
}
