using System.Net;
using System.Text;
using NotebookDL.Data;
using NotebookDL.Display;
using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>One classified text: what it is, what the model said, and how sure it was.</summary>
public sealed record ClassifiedText(int Index, string Text, string Actual, string Predicted, double Probability);

/// <summary>Which tokens drove a prediction: each token's score is how much the predicted class's probability drops without it.</summary>
public sealed record TokenAttribution(IReadOnlyList<string> Tokens, IReadOnlyList<double> Scores, string Class, double Probability)
{
    // Registered when the assembly loads, so a host that bridges NotebookDL's formatters finds it (Formatter.RegisteredTypes).
#pragma warning disable CA2255 // a formatter registration, not a process change
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterFormatter() => Formatter.Register<TokenAttribution>(a => MimeBundle.PlainText(a.ToString()).With(MimeBundle.TextHtml, a.ToHtml()));
#pragma warning restore CA2255

    /// <summary>The tokens as coloured text: green where the token raised the class's probability, red where it lowered it.</summary>
    public string ToHtml()
    {
        var max = Math.Max(Scores.Select(Math.Abs).DefaultIfEmpty(0).Max(), 1e-9);
        var html = new StringBuilder($"<div style=\"font-family:sans-serif;line-height:1.9\"><b>{WebUtility.HtmlEncode(Class)}</b> ({Probability:P1}): ");
        for (var i = 0; i < Tokens.Count; i++)
        {
            var alpha = Math.Abs(Scores[i]) / max;
            var color = Scores[i] >= 0 ? $"rgba(44,160,44,{alpha:F2})" : $"rgba(214,39,40,{alpha:F2})";
            html.Append($"<span title=\"{Signed(Scores[i], 3)}\" style=\"background:{color};padding:1px 2px;border-radius:3px\">{WebUtility.HtmlEncode(Tokens[i])}</span> ");
        }
        return html.Append("</div>").ToString();
    }

    // Rounded first: .NET writes a small negative number formatted to zero digits as "-+0.00".
    private static string Signed(double score, int digits) => Math.Round(score, digits) switch
    {
        0 => (0.0).ToString("F" + digits),
        var r => r.ToString("+0." + new string('0', digits) + ";-0." + new string('0', digits)),
    };

    public override string ToString() =>
        $"{Class} ({Probability:P1}): " + string.Join(" ", Tokens.Zip(Scores, (t, s) => $"{t}({Signed(s, 2)})"));
}

/// <summary>Interpretation of a text classifier: its most confident mistakes, and which words it relied on.</summary>
public sealed partial class TextClassifierLearner
{
    /// <summary>
    /// Class probabilities (n, classes) of <paramref name="texts"/>, in their order (fastai's <c>get_preds</c> on a test
    /// set of texts): batched by length, longest first, in eval mode. Padding follows each document and is masked, so a
    /// document's prediction does not depend on its batch. The caller owns the tensor.
    /// </summary>
    public Tensor GetPreds(IReadOnlyList<string> texts, int bs = 64)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = Dls.Tokenizer.TokenizeAll(texts).Select(Dls.Numericalize.Encode).ToList();
        var items = new TextClassificationDataset(ids, new long[ids.Count], Numericalize.PadId);
        var loader = new BatchLoader(items, bs, numWorkers: 0, seed: 0, device: Dls.Device, training: false,
            sampler: new SortishSampler(items.Lengths, bs, shuffle: false));
        var order = loader.ItemOrder(0);
        var (preds, targets, _) = GetPreds(loader, withLoss: false);
        targets.Dispose();
        using (preds)
        {
            // Back from the loader's length order to the texts' order.
            using var inverse = torch.tensor(order.Select(i => (long)i).ToArray()).argsort();
            return preds.index_select(0, inverse.to(preds.device));
        }
    }

    /// <summary>The class of one text, its index and the class probabilities (fastai's <c>predict</c>).</summary>
    public Prediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var probs = GetPreds([text]);
        var output = probs[0].cpu().to(ScalarType.Float64).data<double>().ToArray();
        var index = Array.IndexOf(output, output.Max());
        return new Prediction(Dls.Classes![index], [index], output);
    }

    /// <summary>The <paramref name="n"/> wrong predictions made with the highest probability.</summary>
    public IReadOnlyList<ClassifiedText> MostConfidentErrors(IReadOnlyList<string> texts, IReadOnlyList<string> labels, int n = 5)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (texts.Count != labels.Count) throw new ArgumentException($"{texts.Count} texts but {labels.Count} labels.", nameof(labels));
        var classes = Dls.Classes!;
        double[][] probs;
        using (var preds = GetPreds(texts).cpu().to(ScalarType.Float64))
            probs = Enumerable.Range(0, texts.Count).Select(i => preds[i].data<double>().ToArray()).ToArray();
        return Enumerable.Range(0, texts.Count)
            .Select(i => (i, predicted: Array.IndexOf(probs[i], probs[i].Max())))
            .Where(x => classes[x.predicted] != labels[x.i])
            .OrderByDescending(x => probs[x.i][x.predicted])
            .Take(n)
            .Select(x => new ClassifiedText(x.i, texts[x.i], labels[x.i], classes[x.predicted], probs[x.i][x.predicted]))
            .ToList();
    }

    /// <summary>
    /// Occlusion: each token of <paramref name="text"/> replaced by xxunk in turn, and the drop in the predicted class's
    /// probability recorded (positive: the token argued for the class). Display the result to see it as coloured text.
    /// </summary>
    public TokenAttribution ExplainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (model, dls) = (Classifier, Dls);
        var tokens = dls.Tokenizer.Tokenize(text);
        var ids = dls.Numericalize.Encode(tokens);
        // Row 0 is the text as it is; row k + 1 has token k occluded (xxbos is kept: it marks the document's start).
        var rows = new long[ids.Length + 1, ids.Length];
        for (var r = 0; r <= ids.Length; r++)
            for (var k = 0; k < ids.Length; k++)
                rows[r, k] = r - 1 == k && k > 0 ? 0 : ids[k];
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var probs = model.call(torch.tensor(rows)).softmax(-1).to(ScalarType.Float64);
            var cls = (int)probs[0].argmax().item<long>();
            var baseline = probs[0, cls].item<double>();
            var scores = Enumerable.Range(0, ids.Length).Select(k => k == 0 ? 0 : baseline - probs[k + 1, cls].item<double>()).ToList();
            return new TokenAttribution(tokens, scores, dls.Classes![cls], baseline);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

}
