using System.Text;
using NotebookDL.Display;
using NotebookDL.Display.Formatting;

namespace NotebookDL.Learning;

/// <summary>
/// One layer's line of <see cref="LearnerSummary"/>: its path in the model, type, output shape on the batch, parameter
/// count, whether they train, and its multiply-adds per input item (convolutions and linear layers; 0 for the others).
/// </summary>
public sealed record LayerSummary(string Name, string Layer, long[] OutputShape, long Params, bool Trainable, long MultAdds);

/// <summary>
/// fastai's <c>learn.summary()</c>: every leaf layer with its output shape on one batch, its parameter count, its
/// multiply-adds per item and whether it trains, plus totals. Displays as an HTML table.
/// </summary>
public sealed record LearnerSummary(string Model, IReadOnlyList<LayerSummary> Layers, long TotalParams, long TrainableParams, string? Optimizer)
{
    // Registered when the assembly loads, so a host that bridges NotebookDL's formatters finds it (Formatter.RegisteredTypes).
#pragma warning disable CA2255 // a formatter registration, not a process change
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterFormatter() => Formatter.Register<LearnerSummary>(s => MimeBundle.PlainText(s.ToString()).With(MimeBundle.TextHtml, s.ToHtml()));
#pragma warning restore CA2255

    /// <summary>Multiply-adds per input item, all layers.</summary>
    public long TotalMultAdds => Layers.Sum(l => l.MultAdds);

    public string ToHtml()
    {
        var table = new HtmlTable(["Layer (type)", "Output Shape", "Param #", "Mult-Adds", "Trainable"]);
        foreach (var l in Layers)
            table.AddRow([$"{l.Name} ({l.Layer})", Shape(l.OutputShape), l.Params.ToString("N0"), l.MultAdds.ToString("N0"), l.Trainable ? "True" : "False"]);
        table.Note = $"Total params: {TotalParams:N0}; trainable: {TrainableParams:N0}; mult-adds per item: {TotalMultAdds:N0}"
            + (Optimizer is null ? "" : $"; optimizer: {Optimizer}");
        return $"<div><b>{Html.Escape(Model)}</b>{table.ToHtml()}</div>";
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Model}\n{"Layer (type)",-36}{"Output Shape",-22}{"Param #",12}{"Mult-Adds",16}  Trainable\n");
        foreach (var l in Layers)
            text.Append($"{$"{l.Name} ({l.Layer})",-36}{Shape(l.OutputShape),-22}{l.Params,12:N0}{l.MultAdds,16:N0}  {l.Trainable}\n");
        text.Append($"Total params: {TotalParams:N0}\nTrainable params: {TrainableParams:N0}\nMult-adds per item: {TotalMultAdds:N0}");
        if (Optimizer is not null) text.Append($"\nOptimizer: {Optimizer}");
        return text.ToString();
    }

    private static string Shape(long[] shape) => shape.Length == 0 ? "-" : $"[{string.Join(", ", shape)}]";
}
