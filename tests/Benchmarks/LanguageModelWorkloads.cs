namespace NotebookDL.Benchmarks;

/// <summary>
/// The course's language-model training step, sized as the benchmark: Embedding 10000x64, a 2-layer LSTM of
/// 256, a decoder back to 10000 tokens, a BPTT chunk of 70 x batch 32, cross entropy, AdamW. Same on both sides.
/// </summary>
internal static class LanguageModelWorkloads
{
    public const int Vocab = 10_000, Seq = 70, Batch = 32;

    public static Action LstmStep()
    {
        manual_seed(0);
        var emb = nn.Embedding(Vocab, 64);
        var lstm = nn.LSTM(64, 256, numLayers: 2);
        var dec = nn.Linear(256, Vocab);
        var parameters = emb.parameters().Concat(lstm.parameters()).Concat(dec.parameters()).ToList();
        var opt = new AdamWOptimizer([new ParameterGroup(parameters)], new AdamWOptions { lr = 1e-3 });
        var x = randint(0, Vocab, [Seq, Batch]).DetachFromDisposeScope();
        var y = randint(0, Vocab, [Seq, Batch]).DetachFromDisposeScope();
        return () =>
        {
            using var scope = NewDisposeScope();
            var (output, _, _) = lstm.call(emb.call(x));
            var loss = nn.functional.cross_entropy(dec.call(output).view(-1, Vocab), y.view(-1));
            loss.backward();
            opt.step();
            opt.zero_grad();
        };
    }
}
