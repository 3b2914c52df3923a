using NotebookDL.Architectures;
using NotebookDL.Architectures.Tests;

namespace NotebookDL.Tabular.Tests;

/// <summary>
/// TabularModel against the same architecture built from torch.nn in PyTorch 1.13 with our weights (loaded from our
/// state dict, so names and shapes must line up): outputs and every parameter's gradient agree within 1e-5.
/// </summary>
public sealed class TabularModelParityTests
{
    private const string Reference = """
        import sys, torch, torch.nn as nn
        torch.set_num_threads(1)
        state, x, mode = torch.load(sys.argv[1]), torch.load(sys.argv[2])['x'], sys.argv[3]
        embs, ncont, nout, layers, ps = [(5, 3), (7, 4)], 3, 2, [16, 8], [0.3, 0.1] if mode == 'eval' else [0.0, 0.0]
        class Reference(nn.Module):
            def __init__(self):
                super().__init__()
                self.embeds = nn.ModuleList([nn.Embedding(n, w) for n, w in embs])
                self.emb_drop = nn.Dropout(0.2 if mode == 'eval' else 0.0)
                self.bn_cont = nn.BatchNorm1d(ncont)
                sizes = [sum(w for _, w in embs) + ncont] + layers + [nout]
                blocks = []
                for i in range(len(sizes) - 1):
                    last = i == len(sizes) - 2
                    mods = [nn.Linear(sizes[i], sizes[i + 1], bias=last)]
                    if not last:
                        mods += [nn.ReLU(), nn.BatchNorm1d(sizes[i + 1])]
                        if ps[i]: mods.append(nn.Dropout(ps[i]))
                    blocks.append(nn.Sequential(*mods))
                self.layers = nn.Sequential(*blocks)
            def forward(self, x):
                cat, cont = x[:, :len(embs)].long(), x[:, len(embs):]
                h = self.emb_drop(torch.cat([e(cat[:, i]) for i, e in enumerate(self.embeds)], 1))
                out = self.layers(torch.cat([h, self.bn_cont(cont)], 1))
                return torch.sigmoid(out) * (4.0 - -1.0) + -1.0
        m = Reference()
        m.load_state_dict(state)
        m.train(mode == 'train')
        """;

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    public void Forward_and_backward_match_PyTorch(string mode)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var eval = mode == "eval";
        var model = new TabularModel([(5, 3), (7, 4)], nCont: 3, outSize: 2, layers: [16, 8], ps: eval ? [0.3, 0.1] : [0.0, 0.0],
            embDrop: eval ? 0.2 : 0, yRange: (-1, 4));
        using (torch.no_grad())
            foreach (var (name, p) in model.named_parameters())
                if (name.Contains("bn") || name.EndsWith(".2.weight") || name.EndsWith(".2.bias")) p.uniform_(0.5, 1.5); // non-trivial norms
        var codes = torch.stack([torch.randint(0, 5, [12]), torch.randint(0, 7, [12])], 1).to(ScalarType.Float32);
        var x = torch.cat([codes, torch.randn(12, 3)], 1);
        PyTorchModuleParity.AssertForwardBackward(model, x, training: !eval, Reference, mode);
    }

    [Fact]
    public void Embedding_sizes_follow_fastai_rule()
    {
        // min(600, round(1.6 * n ** 0.56)), Python's round-half-even.
        var expected = PythonProcess.Run("print(' '.join(str(min(600, round(1.6 * n ** 0.56))) for n in [2, 3, 13, 84, 1051, 100000]))").Trim();
        Assert.Equal(expected, string.Join(' ', new[] { 2, 3, 13, 84, 1051, 100000 }.Select(TabularModel.EmbSizeRule)));
    }

    [Fact]
    public void Input_of_the_wrong_width_names_the_expected_layout()
    {
        using var model = new TabularModel([(5, 3)], nCont: 2, outSize: 1, layers: [4]);
        var e = Assert.Throws<ArgumentException>(() => model.forward(torch.zeros(3, 4)));
        Assert.Contains("1 category codes + 2 continuous", e.Message);
    }
}
