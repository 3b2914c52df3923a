using NotebookDL.Collab;
using NotebookDL.Architectures;
using NotebookDL.Architectures.Tests;

namespace NotebookDL.Collab.Tests;

/// <summary>
/// Both collaborative-filtering models against the same computation in PyTorch 1.13 with our weights (loaded from
/// our state dict): outputs and every parameter's gradient within 1e-5.
/// </summary>
public sealed class CollabModelParityTests
{
    private const string Reference = """
        import sys, torch, torch.nn as nn
        torch.set_num_threads(1)
        state, x, kind = torch.load(sys.argv[1]), torch.load(sys.argv[2])['x'], sys.argv[3]
        class Dot(nn.Module):
            def __init__(self):
                super().__init__()
                self.u_weight, self.i_weight = nn.Embedding(6, 4), nn.Embedding(9, 4)
                self.u_bias, self.i_bias = nn.Embedding(6, 1), nn.Embedding(9, 1)
            def forward(self, x):
                u, i = x[:, 0].long(), x[:, 1].long()
                r = (self.u_weight(u) * self.i_weight(i)).sum(1) + self.u_bias(u).squeeze(1) + self.i_bias(i).squeeze(1)
                return torch.sigmoid(r) * 5.5
        class NN(nn.Module):
            def __init__(self):
                super().__init__()
                w = [min(600, round(1.6 * n ** 0.56)) for n in (6, 9)]
                self.embeds = nn.ModuleList([nn.Embedding(6, w[0]), nn.Embedding(9, w[1])])
                self.emb_drop = nn.Dropout(0.0)
                self.layers = nn.Sequential(nn.Sequential(nn.Linear(sum(w), 8, bias=False), nn.ReLU(), nn.BatchNorm1d(8)), nn.Sequential(nn.Linear(8, 1)))
            def forward(self, x):
                c = x.long()
                h = torch.cat([e(c[:, k]) for k, e in enumerate(self.embeds)], 1)
                return torch.sigmoid(self.layers(h)) * 5.5
        m = Dot() if kind == 'dot' else NN()
        m.load_state_dict(state)
        """;

    [Theory]
    [InlineData("dot")]
    [InlineData("nn")]
    public void Forward_and_backward_match_PyTorch(string kind)
    {
        using var scope = torch.NewDisposeScope();
        nn.Module<Tensor, Tensor> model = kind == "dot" ? new DotProductBias(6, 9, 4, (0, 5.5)) : CollabLearners.EmbeddingNN(6, 9, [8], (0, 5.5));
        using (torch.no_grad())
            foreach (var (_, p) in model.named_parameters()) p.uniform_(-0.5, 0.5); // beyond the tiny initialisation
        var x = torch.stack([torch.randint(0, 6, [10]), torch.randint(0, 9, [10])], 1).to(ScalarType.Float32);
        PyTorchModuleParity.AssertForwardBackward(model, x, training: true, Reference, kind);
    }
}
