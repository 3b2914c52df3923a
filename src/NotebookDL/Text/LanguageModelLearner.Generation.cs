using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>Text from a language model learner: fastai's <c>learn.predict("It is a truth", n_words, temperature)</c>.</summary>
public sealed partial class LanguageModelLearner
{
    /// <summary>
    /// Continues <paramref name="text"/> by <paramref name="nWords"/> tokens, each drawn from the model's distribution of
    /// the next token with its logits divided by <paramref name="temperature"/> (below 1: safer, repetitive; above 1:
    /// more surprising). xxunk is never drawn. Returns the prompt and its continuation as text.
    /// </summary>
    public string Predict(string text, int nWords, double temperature = 1, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (nWords < 0) throw new ArgumentOutOfRangeException(nameof(nWords), nWords, "The number of words to generate is 0 or more.");
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature is positive.");
        var (model, dls) = (LanguageModel, Dls);
        var tokens = dls.Tokenizer.Tokenize(text);
        var ids = dls.Numericalize.Encode(tokens).ToList();
        var generator = seed is { } s ? new torch.Generator((ulong)s) : null;
        var wasTraining = model.training;
        model.eval();
        model.Reset();
        try
        {
            using var noGrad = torch.no_grad();
            // The prompt runs through once; each drawn token then goes in alone, on top of the carried hidden state.
            var input = ids.ToArray();
            for (var i = 0; i < nWords; i++)
            {
                using var scope = torch.NewDisposeScope();
                var logits = model.call(torch.tensor(input, [1, input.Length]))[0, -1];
                logits[0] = double.NegativeInfinity;   // xxunk
                var probs = (logits / temperature).softmax(0);
                var next = torch.multinomial(probs, 1, generator: generator).item<long>();
                ids.Add(next);
                input = [next];
            }
        }
        finally
        {
            model.Reset();
            model.train(wasTraining);
            generator?.Dispose();
        }
        return Detokenizer.Detokenize(dls.Numericalize.DecodeTokens(ids));
    }
}
