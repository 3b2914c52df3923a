using NotebookDL.Learning;
using NotebookDL.Architectures;
using NotebookDL.Text;
using static NotebookDL.Text.TextLearners;

namespace NotebookDL.Tests.Text;

/// <summary>
/// AR and TAR: the penalty and its gradients against fastai's formula run in PyTorch, and, in a language-model learner,
/// added to what backward sees but not to the loss the Recorder reports; the text learners' momentum.
/// </summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public sealed class RnnRegularizerTests
{
    // fastai's RNNRegularizer.after_loss, on the tensors the test saved.
    private const string Reference = """
        import sys, torch
        t = torch.load(sys.argv[1])
        raw, dropped = t['raw'].requires_grad_(), t['dropped'].requires_grad_()
        alpha, beta = float(sys.argv[2]), float(sys.argv[3])
        loss = alpha * dropped.pow(2).mean()
        if raw.shape[1] > 1:
            loss = loss + beta * (raw[:, 1:] - raw[:, :-1]).pow(2).mean()
        loss.backward()
        zero_if_unused = lambda t: t.grad if t.grad is not None else torch.zeros_like(t)
        torch.save({'penalty': loss.detach(), 'grad.raw': zero_if_unused(raw), 'grad.dropped': zero_if_unused(dropped)}, sys.argv[4])
        """;

    [Theory]
    [InlineData(7, 2.0, 1.0)]
    [InlineData(1, 2.0, 1.0)]   // one step: no TAR
    [InlineData(5, 0.5, 3.0)]
    public void The_penalty_and_its_gradients_equal_fastais_formula_in_PyTorch(int steps, double alpha, double beta)
    {
        using var scope = torch.NewDisposeScope();
        using var dir = new TempDir();
        torch.manual_seed(steps);
        var raw = torch.randn(3, steps, 4, dtype: ScalarType.Float64).requires_grad_();
        var dropped = torch.randn(3, steps, 4, dtype: ScalarType.Float64).requires_grad_();
        PyTorchFiles.Save(new Dictionary<string, Tensor> { ["raw"] = raw.detach(), ["dropped"] = dropped.detach() }, dir.File("in.pt"));

        var penalty = RnnRegularizer.Penalty(raw, dropped, alpha, beta);
        penalty.backward();

        PythonProcess.Run(Reference, dir.File("in.pt"), $"{alpha}", $"{beta}", dir.File("out.pt"));
        var expected = PyTorchFiles.Load(dir.File("out.pt"));
        Assert.Equal(expected["penalty"].item<double>(), penalty.item<double>(), 1e-12);
        var rawGrad = raw.grad ?? torch.zeros_like(raw);   // one step: TAR is skipped and raw gets no gradient
        Assert.True(rawGrad.allclose(expected["grad.raw"], rtol: 1e-10, atol: 1e-12), $"raw grad differs by {(rawGrad - expected["grad.raw"]).abs().max().item<double>()}");
        Assert.True(dropped.grad!.allclose(expected["grad.dropped"], rtol: 1e-10, atol: 1e-12));
    }

    /// <summary>Reads the loss, the loss backward will see, and the model's activations, after the regularizer ran.</summary>
    private sealed class LossProbe : Callback
    {
        public List<(double Loss, double LossGrad, double Penalty)> Batches { get; } = [];

        public override void AfterLoss()
        {
            if (!Learn.Training) return;
            var model = (IRnnActivations)Learn.Model;
            using var penalty = RnnRegularizer.Penalty(model.RawOutput!, model.DroppedOutput!, 2, 1);
            Batches.Add((Learn.Loss!.item<float>(), Learn.LossGrad!.item<float>(), penalty.item<float>()));
        }
    }

    [Fact]
    public void A_language_model_trains_on_loss_plus_penalty_but_reports_the_loss()
    {
        torch.manual_seed(0);
        string[] words = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "far"];
        var random = new Random(3);
        List<string> Texts(int n) => Enumerable.Range(0, n).Select(_ => string.Join(" ", Enumerable.Range(0, 9).Select(_ => words[random.Next(words.Length)])) + ".").ToList();
        var dls = TextDataLoaders.ForLanguageModel(Texts(60), Texts(10), bs: 4, bptt: 10, minFreq: 1);
        var config = new AwdLstmConfig(EmbSize: 8, NHidden: 16, NLayers: 2);   // fastai's dropouts: dropped differs from raw
        var learn = LanguageModelLearner(dls, config, progress: false);
        var probe = new LossProbe();

        learn.FitOneCycle(1, 1e-2, cbs: [probe]);

        Assert.NotEmpty(probe.Batches);
        foreach (var (loss, lossGrad, penalty) in probe.Batches)
        {
            Assert.True(penalty > 0);
            Assert.Equal(loss + penalty, lossGrad, 1e-4);
        }
        // The Recorder's per-batch losses are the cross entropies, not what backward saw.
        Assert.Equal(probe.Batches.Count, learn.Recorder.RawLosses.Count);
        foreach (var (batch, recorded) in probe.Batches.Zip(learn.Recorder.RawLosses)) Assert.Equal(batch.Loss, recorded, 1e-5);
        // fastai's TextLearner momentum: 0.8 at the start, 0.7 at the peak learning rate.
        Assert.Equal(0.8, learn.Recorder.Moms[0], 1e-6);
        Assert.Equal(0.7, learn.Recorder.Moms.Min(), 1e-2);
    }

    [Fact]
    public void Alpha_and_beta_zero_leave_the_loss_alone_and_a_model_without_activations_is_named()
    {
        torch.manual_seed(0);
        var dls = TextDataLoaders.ForLanguageModel(["the cat sat on the mat .", "the dog ran ."], ["the cat ran ."], bs: 2, bptt: 4, minFreq: 1);
        var learn = LanguageModelLearner(dls, new AwdLstmConfig(EmbSize: 8, NHidden: 16, NLayers: 2), alpha: 0, beta: 0, progress: false);
        var probe = new LossProbe();
        learn.FitOneCycle(1, 1e-2, cbs: [probe]);
        Assert.All(probe.Batches, b => Assert.Equal(b.Loss, b.LossGrad));

        var plain = new Learner(dls, nn.Sequential(nn.Embedding(dls.Numericalize.Vocab.Count, 4), nn.Linear(4, dls.Numericalize.Vocab.Count)),
            LossFunction.CrossEntropy, cbs: [new RnnRegularizer()], progress: false);
        var error = Assert.ThrowsAny<Exception>(() => plain.Fit(1));
        Assert.Contains("IRnnActivations", error.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RnnRegularizer(alpha: -1));
        Assert.Throws<ArgumentException>(() => RnnRegularizer.Penalty(torch.zeros(2, 3), torch.zeros(2, 3), 2, 1));
    }
}
