using NotebookDL.Architectures;

namespace NotebookDL.Tests.Text;

/// <summary>The classifier's concat pooling over end-padded documents, against the same pooling done by hand.</summary>
public sealed class TextClassifierTests
{
    [Fact]
    public void Pools_last_max_and_mean_over_each_documents_own_tokens_whatever_follows_it()
    {
        using var scope = torch.NewDisposeScope();
        var encoder = new AwdLstm(30, embSize: 6, nHidden: 8, nLayers: 2, hiddenP: 0, inputP: 0, embedP: 0, weightP: 0);
        // bptt 4 so that documents span several chunks; maxLen 5 so that the long one's pooling window is its last 5 tokens.
        var classifier = new TextClassifier(encoder, nClasses: 3, bptt: 4, maxLen: 5);
        classifier.eval();
        long[] shortDoc = [2, 7, 9], longDoc = [2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
        var batch = torch.full(2, longDoc.Length, 1L);                      // xxpad is 1, after each document
        batch[0].narrow(0, 0, longDoc.Length).copy_(torch.tensor(longDoc));
        batch[1].narrow(0, 0, shortDoc.Length).copy_(torch.tensor(shortDoc));
        var together = classifier.call(batch);

        foreach (var (doc, row) in new[] { (longDoc, 0), (shortDoc, 1) })
        {
            // By hand: the encoder over the document alone, then last / max / mean over its last maxLen outputs.
            encoder.Reset();
            var outputs = encoder.call(torch.tensor(doc).unsqueeze(0)).squeeze(0);
            encoder.Reset();
            var window = outputs.narrow(0, Math.Max(0, doc.Length - 5), Math.Min(5, doc.Length));
            var features = torch.cat([outputs[doc.Length - 1], window.max(0).values, window.mean([0])]).unsqueeze(0);
            var expected = classifier.Head.call(features).squeeze(0);
            Assert.True(together[row].allclose(expected, rtol: 1e-5, atol: 1e-6), $"row {row}: {together[row].str()} vs {expected.str()}");
            // And alone, unpadded, the classifier gives the same.
            Assert.True(classifier.call(torch.tensor(doc).unsqueeze(0)).squeeze(0).allclose(expected, rtol: 1e-5, atol: 1e-6));
        }
    }
}
