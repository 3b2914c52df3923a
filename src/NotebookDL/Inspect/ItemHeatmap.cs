using NotebookDL.Display;
using NotebookDL.Vision;

namespace NotebookDL.Inspect;

/// <summary>One item's heatmap as the learner made it: the picture, the map at the layer's resolution, and the labels.</summary>
public sealed record ItemHeatmap(int Index, Image Image, Tensor Map, string Class, string Predicted, double Probability, string Actual)
{
    // Registered when the assembly loads, so a host that bridges NotebookDL's formatters finds it (Formatter.RegisteredTypes).
#pragma warning disable CA2255 // a formatter registration, not a process change
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterFormatter() => Formatter.Register<ItemHeatmap>(h => HeatmapOverlay.ShowHeatmap(h.Image, h.Map, title: h.Caption));
#pragma warning restore CA2255

    /// <summary>"heatmap for X; predicted Y (p), actual Z".</summary>
    public string Caption => $"#{Index} for {Class}: predicted {Predicted} ({Probability:P0}), actual {Actual}";
}
