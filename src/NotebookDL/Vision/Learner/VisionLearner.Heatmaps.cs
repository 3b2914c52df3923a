using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Learning;
using NotebookDL.Inspect;

namespace NotebookDL.Vision;

/// <summary>Grad-CAM and activation heatmaps of a classifier's validation items (fastai's lesson 6 on a Learner).</summary>
public sealed partial class VisionLearner
{
    /// <summary>
    /// Grad-CAM of validation item <paramref name="index"/> for class <paramref name="cls"/> (the predicted class when
    /// null) at <paramref name="layer"/> (the model's last map-shaped layer when null).
    /// </summary>
    public ItemHeatmap GradCam(int index, string? cls = null, nn.IModule<Tensor, Tensor>? layer = null) =>
        Heatmap(index, cls, layer, average: false);

    /// <summary>The course's first heatmap: the layer's activations on validation item <paramref name="index"/> averaged over channels.</summary>
    public ItemHeatmap ActivationHeatmap(int index, nn.IModule<Tensor, Tensor>? layer = null) =>
        Heatmap(index, null, layer, average: true);

    /// <summary>
    /// A grid of Grad-CAM overlays: each validation item for its predicted class, for <paramref name="cls"/>, or with
    /// <paramref name="forActual"/> for its actual class (where a wrong prediction should have looked).
    /// </summary>
    public MimeBundle ShowGradCams(IEnumerable<int> indices, string? cls = null, bool forActual = false,
        nn.IModule<Tensor, Tensor>? layer = null, double alpha = 0.6, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (forActual && cls is not null) throw new ArgumentException("Give a class or forActual, not both.", nameof(forActual));
        var maps = indices.Select(i => GradCam(i, forActual ? ActualClass(i) : cls, layer)).ToList();
        try
        {
            var cols = Math.Min(maps.Count, 4);
            return CaptionedGrid.ToBundle(maps.Select(m => (HeatmapOverlay.Draw(m.Image, m.Map, alpha), m.Caption)).ToList(), Math.Max(cols, 1),
                string.Join("\n", maps.Select(m => m.Caption)), title ?? "Grad-CAM", HeatmapOverlay.Scale(null));
        }
        finally
        {
            maps.ForEach(m => m.Map.Dispose());
        }
    }

    private string ActualClass(int index)
    {
        using var batch = Dls.Valid.Item(index);
        return Dls.Vocab![(int)batch.Y[0].item<long>()];
    }

    private ItemHeatmap Heatmap(int index, string? cls, nn.IModule<Tensor, Tensor>? layer, bool average)
    {
        var dl = Dls.Valid;
        if (index < 0 || index >= dl.Dataset.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The validation set has {dl.Dataset.Count} items.");
        var vocab = Dls.Vocab ?? throw new InvalidOperationException("Heatmaps explain a classifier; these data loaders have no class vocabulary.");
        using var scope = torch.NewDisposeScope();
        using var batch = dl.Item(index);
        var x = batch.X;
        var model = (nn.Module<Tensor, Tensor>)Model;
        var wasTraining = model.training;
        Tensor probs;
        using (torch.no_grad())
        {
            model.eval();
            try { probs = LossFunc.Activation(model.call(x))[0]; }
            finally { model.train(wasTraining); }
        }
        var predicted = (int)probs.argmax().item<long>();
        var target = cls is null ? predicted : vocab.ToList().IndexOf(cls) is var k and >= 0 ? k
            : throw new ArgumentException($"Class \"{cls}\" is not in the vocabulary ({string.Join(", ", vocab)}).", nameof(cls));
        var map = average ? Inspect.GradCam.AverageActivation(model, x, layer) : Inspect.GradCam.Compute(model, x, target, layer);
        var actual = batch.Y is { } y ? vocab[(int)y[0].item<long>()] : "?";
        return new ItemHeatmap(index, ItemImages.Load(dl, index), map.MoveToOuterDisposeScope().DetachFromDisposeScope(), average ? "mean activation" : vocab[target],
            vocab[predicted], probs[predicted].item<float>(), actual);
    }
}
