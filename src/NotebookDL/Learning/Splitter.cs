
namespace NotebookDL.Learning;

/// <summary>Splits a model's parameters into layer groups, first (closest to the input) to last (the head).</summary>
public delegate IReadOnlyList<IReadOnlyList<Tensor>> Splitter(nn.Module model);

/// <summary>Common splitters. Parameters left out of every group are not trained.</summary>
public static class Splitters
{
    /// <summary>fastai's <c>trainable_params</c> splitter: one group with every parameter.</summary>
    public static IReadOnlyList<IReadOnlyList<Tensor>> Default(nn.Module model) => [model.parameters().ToList()];

    /// <summary>One group per given submodule list, e.g. <c>Splitters.ByModules(m => [[body[..3]], [body[3..]], [head]])</c>.</summary>
    public static Splitter ByModules(Func<nn.Module, IEnumerable<IEnumerable<nn.Module>>> groups) =>
        model => groups(model).Select(g => (IReadOnlyList<Tensor>)g.SelectMany(m => m.parameters()).ToList()).ToList();
}
