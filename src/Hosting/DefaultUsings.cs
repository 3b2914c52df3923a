namespace NotebookDL.Hosting;

/// <summary>
/// The usings a notebook starts with, in both hosts: our kernel adds them to every cell's script options, and the .NET
/// Interactive extension's extension.dib declares the same list (a test holds the two together). "static X" is
/// <c>using static X;</c>. Not here: NotebookDL.Display's namespace, whose <c>Formatter</c> would clash with .NET
/// Interactive's, which notebooks call by its short name after <c>using Microsoft.DotNet.Interactive.Formatting;</c>.
/// </summary>
internal static class DefaultUsings
{
    /// <summary>TorchSharp's own idiom (<c>using static TorchSharp.torch;</c>), when TorchSharp is present.</summary>
    public static readonly string[] Torch = ["TorchSharp", "static TorchSharp.torch"];

    /// <summary>NotebookDL's namespaces and verbs, so a lesson writes <c>VisionLearner(dls, Models.ResNet18)</c>.</summary>
    public static readonly string[] NotebookDL =
    [
        "NotebookDL", "NotebookDL.Learning", "NotebookDL.Vision", "NotebookDL.Architectures", "NotebookDL.Data", "NotebookDL.Optim",
        "NotebookDL.Serialization", "NotebookDL.Tabular", "NotebookDL.Collab", "NotebookDL.Inspect", "NotebookDL.Text",
        "Microsoft.Data.Analysis",
        "static NotebookDL.Display.Displayer",          // Display(x), ClearOutput()
        "static NotebookDL.Vision.Learners",           // VisionLearner(...)
        "static NotebookDL.Tabular.TabularLearners",   // TabularLearner(...)
        "static NotebookDL.Collab.CollabLearners",     // CollabLearner(...)
        "static NotebookDL.Text.TextLearners",         // LanguageModelLearner(...), TextClassifierLearner(...)
        "static NotebookDL.Vision.Augment.Augmentations", // AugTransforms()
        "static NotebookDL.Inspect.HookFunctions",     // HookOutput(module)
        "static NotebookDL.Inspect.FeatureMaps",       // ShowKernels(conv), ShowFeatureMaps(model, layer, x)
        "static NotebookDL.Inspect.HeatmapOverlay",    // ShowHeatmap(image, map)
    ];

    /// <summary>A using as Roslyn's ScriptOptions.WithImports takes it (a static using is the type's name).</summary>
    public static string Import(string entry) => entry.StartsWith("static ", StringComparison.Ordinal) ? entry["static ".Length..] : entry;
}
