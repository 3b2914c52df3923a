using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Learning;
using NotebookDL.Vision;

namespace NotebookDL.Inspect;

/// <summary>One item's heatmap as the learner made it: the picture, the map at the layer's resolution, and the labels.</summary>
public sealed record ItemHeatmap(int Index, Image Image, Tensor Map, string Class, string Predicted, double Probability, string Actual)
{
    static ItemHeatmap() => Formatter.Register<ItemHeatmap>(h => HeatmapOverlay.ShowHeatmap(h.Image, h.Map, title: h.Caption));

    /// <summary>"heatmap for X; predicted Y (p), actual Z".</summary>
    public string Caption => $"#{Index} for {Class}: predicted {Predicted} ({Probability:P0}), actual {Actual}";
}

/// <summary>Grad-CAM and activation heatmaps of a classifier's validation items (fastai's lesson 6 on a Learner).</summary>
public static class LearnerGradCam
{
    /// <summary>
    /// Grad-CAM of validation item <paramref name="index"/> for class <paramref name="cls"/> (the predicted class when
    /// null) at <paramref name="layer"/> (the model's last map-shaped layer when null).
    /// </summary>
    public static ItemHeatmap GradCam(this Learner learn, int index, string? cls = null, nn.IModule<Tensor, Tensor>? layer = null) =>
        Heatmap(learn, index, cls, layer, average: false);

    /// <summary>The course's first heatmap: the layer's activations on validation item <paramref name="index"/> averaged over channels.</summary>
    public static ItemHeatmap ActivationHeatmap(this Learner learn, int index, nn.IModule<Tensor, Tensor>? layer = null) =>
        Heatmap(learn, index, null, layer, average: true);

    /// <summary>
    /// A grid of Grad-CAM overlays: each validation item for its predicted class, for <paramref name="cls"/>, or with
    /// <paramref name="forActual"/> for its actual class (where a wrong prediction should have looked).
    /// </summary>
    public static MimeBundle ShowGradCams(this Learner learn, IEnumerable<int> indices, string? cls = null, bool forActual = false,
        nn.IModule<Tensor, Tensor>? layer = null, double alpha = 0.6, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (forActual && cls is not null) throw new ArgumentException("Give a class or forActual, not both.", nameof(forActual));
        var maps = indices.Select(i => learn.GradCam(i, forActual ? ActualClass(learn, i) : cls, layer)).ToList();
        try
        {
            var cols = Math.Min(maps.Count, 4);
            return CaptionedGrid.ToBundle(maps.Select(m => (HeatmapOverlay.Draw(m.Image, m.Map, alpha), m.Caption)).ToList(), Math.Max(cols, 1),
                string.Join("\n", maps.Select(m => m.Caption)), title ?? "Grad-CAM");
        }
        finally
        {
            maps.ForEach(m => m.Map.Dispose());
        }
    }

    private static string ActualClass(Learner learn, int index)
    {
        if (learn.Dls.Valid is not DataLoader dl) throw new InvalidOperationException("Heatmaps need image data loaders (ImageDataLoaders); this learner's validation loader is not one.");
        using var batch = dl.Item(index);
        return learn.Dls.Vocab![(int)batch.Y[0].item<long>()];
    }

    private static ItemHeatmap Heatmap(Learner learn, int index, string? cls, nn.IModule<Tensor, Tensor>? layer, bool average)
    {
        ArgumentNullException.ThrowIfNull(learn);
        if (learn.Dls.Valid is not DataLoader dl)
            throw new InvalidOperationException("Heatmaps need image data loaders (ImageDataLoaders); this learner's validation loader is not one.");
        if (index < 0 || index >= dl.Dataset.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The validation set has {dl.Dataset.Count} items.");
        var vocab = learn.Dls.Vocab ?? throw new InvalidOperationException("Heatmaps explain a classifier; these data loaders have no class vocabulary.");
        using var scope = torch.NewDisposeScope();
        using var batch = dl.Item(index);
        var x = batch.X;
        var model = (nn.Module<Tensor, Tensor>)learn.Model;
        var wasTraining = model.training;
        Tensor probs;
        using (torch.no_grad())
        {
            model.eval();
            try { probs = learn.LossFunc.Activation(model.call(x))[0]; }
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
