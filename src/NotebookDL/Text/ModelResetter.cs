using NotebookDL.Learning;
using NotebookDL.Architectures;

namespace NotebookDL.Text;

/// <summary>
/// fastai's <c>ModelResetter</c>: a recurrent model's hidden state starts from zeros at the start of every training and
/// validation pass (the stream starts over) and after the fit.
/// </summary>
public sealed class ModelResetter : Callback
{
    public override void BeforeTrain() => Reset();

    public override void BeforeValidate() => Reset();

    public override void AfterFit() => Reset();

    private void Reset()
    {
        switch (Learn.Model)
        {
            case LanguageModel lm: lm.Reset(); break;
            case AwdLstm encoder: encoder.Reset(); break;
        }
    }
}

/// <summary>
/// Perplexity, exp of the mean cross entropy per token over the whole pass: the number of equally likely next tokens
/// the model is as unsure as. Weighted by tokens, so batches of different sequence lengths count fairly.
/// </summary>
public sealed class Perplexity : IMetric
{
    private double total;
    private long tokens;

    public string Name => "perplexity";

    public void Reset() => (total, tokens) = (0, 0);

    public void Accumulate(Learner learn)
    {
        if (learn.Loss is not { } loss || learn.Y is not { } y) return;
        using var mean = loss.mean();
        total += mean.Item() * y.numel();
        tokens += y.numel();
    }

    public double Value => tokens == 0 ? double.NaN : Math.Exp(total / tokens);
}
