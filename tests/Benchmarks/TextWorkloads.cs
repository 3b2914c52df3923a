using NotebookDL.Data;
using NotebookDL.Architectures;
using NotebookDL.Optim;
using NotebookDL.Text;

namespace NotebookDL.Benchmarks;

/// <summary>
/// The text issue's workloads. <c>awd_lm_step</c>: one training step of an AWD-LSTM language model with fastai's
/// language-model dropouts (weight dropout 0.2 on the hidden-to-hidden weights, drawn once per batch), vocabulary
/// 10,000, embedding 200, hidden 400, 3 layers, tied decoder, bs 32 x bptt 70, cross entropy, AdamW — against the same
/// model in torch.nn with fastai's WeightDropout over nn.LSTM. <c>tokenize_reviews</c>: the tokenizer over the 4,000
/// training reviews of the fine-foods set, against a Python implementation of the same rules with <c>re</c>.
/// </summary>
internal static class TextWorkloads
{
    public const int Vocab = 10_000, Seq = 70, Batch = 32, Reviews = 4_000;

    public static readonly Lazy<string> ReviewsCsv = new(() => RDatasets.FineFoods().Train);

    public static Action AwdLmStep()
    {
        manual_seed(0);
        var model = new LanguageModel(new AwdLstm(Vocab, embSize: 200, nHidden: 400, nLayers: 3, hiddenP: 0.15, inputP: 0.25, embedP: 0.02, weightP: 0.2), outputP: 0.1);
        var opt = Optimizers.AdamW(model.parameters(), lr: 1e-3);
        var x = randint(0, Vocab, [Batch, Seq]).DetachFromDisposeScope();
        var y = randint(0, Vocab, [Batch, Seq]).DetachFromDisposeScope();
        return () =>
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x).view(-1, Vocab), y.view(-1));
            loss.backward();
            opt.step();
            opt.zero_grad();
            NotebookDL.Engine.ScalarSweep.AfterBatch();
        };
    }

    public static Action TokenizeReviews()
    {
        var reviews = Csv.Read(ReviewsCsv.Value).Column("review").Cast<string>().ToList();
        return () => Tokenizer.Default.TokenizeAll(reviews);
    }
}
