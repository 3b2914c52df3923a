using NotebookDL.Architectures;
using NotebookDL.Learning;

namespace NotebookDL.Tests.Inspect;

/// <summary>ModelSummary's counts against hand counts.</summary>
public sealed class SummaryTests
{
    [Fact]
    public void A_3x3_conv_from_3_to_64_channels_on_224x224_does_64_27_224_224_multiply_adds()
    {
        using var conv = nn.Conv2d(3, 64, 3, padding: 1);
        var summary = ModelSummary.Of(conv, 2, 3, 224, 224);
        var layer = Assert.Single(summary.Layers);
        Assert.Equal(64L * 27 * 224 * 224, layer.MultAdds);
        Assert.Equal(86_704_128L, layer.MultAdds);
        Assert.Equal(64L * 27 + 64, layer.Params);
        Assert.Equal([2L, 64, 224, 224], layer.OutputShape);
    }

    [Fact]
    public void Strides_groups_and_linear_layers_are_counted_per_item()
    {
        using var model = nn.Sequential(
            nn.Conv2d(8, 16, 3, stride: 2, padding: 1, groups: 4, bias: false), // out 16x16x16, each output reads 8/4 x 3 x 3 inputs
            nn.BatchNorm2d(16), nn.ReLU(), nn.Flatten(),
            nn.Linear(16 * 16 * 16, 10));
        var summary = ModelSummary.Of(model, 4, 8, 32, 32);
        Assert.Equal([16L * 16 * 16 * 2 * 9, 0, 0, 0, 4096L * 10], summary.Layers.Select(l => l.MultAdds));
        Assert.Equal([16L * 2 * 9, 32, 0, 0, 4096L * 10 + 10], summary.Layers.Select(l => l.Params));
        Assert.Equal(summary.Layers.Sum(l => l.MultAdds), summary.TotalMultAdds);
        Assert.Contains("Mult-Adds", summary.ToString());
        Assert.Contains("73,728", summary.ToHtml());
    }

    [Fact]
    public void A_bad_input_shape_is_named()
    {
        using var conv = nn.Conv2d(3, 4, 3);
        var error = Assert.Throws<ArgumentException>(() => ModelSummary.Of(conv, 1, 0, 8, 8));
        Assert.Contains("[1, 0, 8, 8]", error.Message);
    }

    [Fact]
    public void A_language_model_shows_its_embedding_lstm_layers_and_tied_decoder_with_their_multiply_adds()
    {
        using var lm = new LanguageModel(new AwdLstm(vocabSize: 50, embSize: 8, nHidden: 12, nLayers: 2));
        using var words = torch.randint(0, 50, [3, 7], dtype: ScalarType.Int64);
        var summary = ModelSummary.Of(lm, words);
        var byType = summary.Layers.ToLookup(l => l.Layer);

        var embedding = Assert.Single(byType["Embedding"]);
        Assert.Equal([3L, 7, 8], embedding.OutputShape);
        Assert.Equal(0, embedding.MultAdds); // a lookup
        var lstms = byType["LstmLayer"].ToList();
        Assert.Equal([[3L, 7, 12], [3L, 7, 8]], lstms.Select(l => l.OutputShape));
        // Each of the 7 steps multiplies by both weight matrices: 4·hidden x input and 4·hidden x hidden.
        Assert.Equal([7L * (4 * 12 * 8 + 4 * 12 * 12), 7L * (4 * 8 * 12 + 4 * 8 * 8)], lstms.Select(l => l.MultAdds));
        var decoder = Assert.Single(byType["TiedDecoder"]);
        Assert.Equal([3L, 7, 50], decoder.OutputShape);
        Assert.Equal(7L * 8 * 50, decoder.MultAdds);
        Assert.Equal(50, decoder.Params); // its bias; the weight is the embedding's, counted there once
        Assert.Equal(lm.parameters().Sum(p => p.numel()), summary.TotalParams);
        Assert.DoesNotContain(summary.Layers, l => l.Params > 0 && l.OutputShape.Length == 0);
    }

    [Fact]
    public void TorchSharps_LSTM_and_GRU_show_their_output_and_multiply_adds_per_step()
    {
        using var model = new LstmThenGru();
        var summary = ModelSummary.Of(model, 2, 9, 5);
        var (lstm, gru) = (summary.Layers[0], summary.Layers[1]);
        Assert.Equal([2L, 9, 14], lstm.OutputShape);
        Assert.Equal([2L, 9, 6], gru.OutputShape);
        // Bidirectional 2-layer LSTM: per direction 4·7 x (input) and 4·7 x 7; the second layer reads both directions (14).
        Assert.Equal(9L * (2 * (4 * 7 * 5 + 4 * 7 * 7) + 2 * (4 * 7 * 14 + 4 * 7 * 7)), lstm.MultAdds);
        Assert.Equal(9L * (3 * 6 * 14 + 3 * 6 * 6), gru.MultAdds); // three gates
    }

    [Fact]
    public void Tabular_and_collaborative_models_show_their_embeddings_outputs()
    {
        using var tabular = new TabularModel([(5, 3), (4, 2)], nCont: 2, outSize: 1, layers: [8]);
        var summary = ModelSummary.Of(tabular, 6, 4);
        Assert.Equal([[6L, 3], [6L, 2]], summary.Layers.Where(l => l.Layer == "Embedding").Select(l => l.OutputShape));
        Assert.Equal([6L, 1], summary.Layers[^1].OutputShape);

        using var collab = new DotProductBias(nUsers: 7, nItems: 9, nFactors: 4);
        var collabSummary = ModelSummary.Of(collab, 5, 2);
        Assert.DoesNotContain(collabSummary.Layers, l => l.OutputShape.Length == 0);
    }

    private sealed class LstmThenGru : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.LSTM lstm = nn.LSTM(5, 7, numLayers: 2, batchFirst: true, bidirectional: true);
        private readonly TorchSharp.Modules.GRU gru = nn.GRU(14, 6, batchFirst: true);

        public LstmThenGru() : base(nameof(LstmThenGru)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            var (sequence, h, c) = lstm.call(x);
            h.Dispose();
            c.Dispose();
            var (output, last) = gru.call(sequence);
            last.Dispose();
            return output;
        }
    }
}
