using TorchSharp;
using static TorchSharp.torch;
using System.Globalization;
using System.Text;
using NotebookDL.Display.Formatting;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Tensors;

/// <summary>
/// Displays a tensor: text/plain as PyTorch prints it; text/html as a card (shape, dtype, device, requires_grad,
/// grad_fn, min/max/mean/std for floating tensors, and the value preview); image/png when the tensor looks like an
/// image (see <see cref="TensorImage.TryRender"/>).
/// </summary>
public static class TensorFormatter
{
    public static MimeBundle Format(Tensor t)
    {
        if (t.IsInvalid) return MimeBundle.PlainText("tensor(<disposed>)");
        var text = TensorPrinter.Print(t);
        var bundle = MimeBundle.PlainText(text).With(MimeBundle.TextHtml, Card(t, text));
        if (TensorImage.TryRender(t) is { } image)
        {
            bundle.Data[MimeBundle.ImagePng] = image.Data[MimeBundle.ImagePng];
            bundle.Metadata[MimeBundle.ImagePng] = image.Metadata[MimeBundle.ImagePng];
        }
        return bundle;
    }

    private static string Card(Tensor t, string text)
    {
        var rows = new List<(string, string)>
        {
            ("shape", "[" + string.Join(", ", t.shape) + "]"),
            ("dtype", "torch." + t.dtype.TorchName()),
            ("device", t.device.ToString()),
            ("requires_grad", t.requires_grad ? "True" : "False"),
        };
        if (t.requires_grad) rows.Add(("is_leaf", t.is_leaf ? "True" : "False"));
        if (t.is_floating_point() && t.numel() > 0) rows.AddRange(Statistics(t));

        var html = new StringBuilder("<div class=\"nbdl-tensor\"><table style=\"border-collapse:collapse\">");
        html.Append("<caption style=\"text-align:left;font-weight:bold\">Tensor</caption>");
        foreach (var (name, value) in rows)
            html.Append("<tr><th style=\"text-align:left;padding-right:1em\">").Append(Html.Escape(name))
                .Append("</th><td><code>").Append(Html.Escape(value)).Append("</code></td></tr>");
        html.Append("</table><pre>").Append(Html.Escape(text)).Append("</pre></div>");
        return html.ToString();
    }

    // Statistics in float64 so that float16/bfloat16 tensors report sensible numbers; std is PyTorch's (unbiased).
    private static IEnumerable<(string, string)> Statistics(Tensor t)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var values = t.detach().to(ScalarType.Float64);
        string F(Tensor s) => s.Item().ToString("G6", CultureInfo.InvariantCulture);
        yield return ("min", F(values.min()));
        yield return ("max", F(values.max()));
        yield return ("mean", F(values.mean()));
        if (t.numel() > 1) yield return ("std", F(values.std()));
    }
}
