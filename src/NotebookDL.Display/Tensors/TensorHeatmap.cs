using TorchSharp;
using static TorchSharp.torch;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Tensors;

/// <summary>Asks for a 2-D tensor to be shown as a colour-mapped heatmap: <c>Display(new TensorHeatmap(cam))</c> or <c>cam.AsHeatmap()</c>.</summary>
public sealed record TensorHeatmap(Tensor Values, ColorMap? ColorMap = null);

public static class HeatmapExtensions
{
    public static TensorHeatmap AsHeatmap(this Tensor values, ColorMap? colorMap = null) => new(values, colorMap);
}
