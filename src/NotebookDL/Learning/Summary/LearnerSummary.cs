using System.Text;
using NotebookDL.Display;
using NotebookDL.Display.Formatting;

namespace NotebookDL.Learning;

/// <summary>One layer's line of <see cref="LearnerSummary"/>.</summary>
public sealed record LayerSummary(string Name, string Layer, long[] OutputShape, long Params, bool Trainable);

/// <summary>
/// fastai's <c>learn.summary()</c>: every leaf layer with its output shape on one batch, its parameter count and
/// whether it trains, plus totals. Displays as an HTML table.
/// </summary>
public sealed record LearnerSummary(string Model, IReadOnlyList<LayerSummary> Layers, long TotalParams, long TrainableParams, string Optimizer)
{
    static LearnerSummary() => Formatter.Register<LearnerSummary>(s => MimeBundle.PlainText(s.ToString()).With(MimeBundle.TextHtml, s.ToHtml()));

    public string ToHtml()
    {
        var table = new HtmlTable(["Layer (type)", "Output Shape", "Param #", "Trainable"]);
        foreach (var l in Layers)
            table.AddRow([$"{l.Name} ({l.Layer})", Shape(l.OutputShape), l.Params.ToString("N0"), l.Trainable ? "True" : "False"]);
        table.Note = $"Total params: {TotalParams:N0}; trainable: {TrainableParams:N0}; optimizer: {Optimizer}";
        return $"<div><b>{Html.Escape(Model)}</b>{table.ToHtml()}</div>";
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Model}\n{"Layer (type)",-36}{"Output Shape",-22}{"Param #",12}  Trainable\n");
        foreach (var l in Layers)
            text.Append($"{$"{l.Name} ({l.Layer})",-36}{Shape(l.OutputShape),-22}{l.Params,12:N0}  {l.Trainable}\n");
        text.Append($"Total params: {TotalParams:N0}\nTrainable params: {TrainableParams:N0}\nOptimizer: {Optimizer}");
        return text.ToString();
    }

    private static string Shape(long[] shape) => shape.Length == 0 ? "-" : $"[{string.Join(", ", shape)}]";
}
