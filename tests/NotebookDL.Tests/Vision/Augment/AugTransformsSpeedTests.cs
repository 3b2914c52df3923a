using System.Diagnostics;
using NotebookDL.Vision.Augment;
using Xunit.Abstractions;
using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;
using static NotebookDL.Vision.Augment.Augmentations;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>AugTransforms must stay cheap next to a training step: a 128x1x32x32 batch well under 100 ms.</summary>
public class AugTransformsSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void A_128x1x32x32_batch_takes_milliseconds()
    {
        using var x = RandomImages(128, 1, 32, 32, seed: 31);
        using var y = Labels(128);
        var tfms = AugTransforms(seed: 0);
        void Once()
        {
            using var scope = NewDisposeScope();
            var current = x;
            foreach (var t in tfms) current = t.Apply(current, y, training: true).X;
        }
        for (var i = 0; i < 3; i++) Once();                           // warm-up (JIT, allocator)
        const int runs = 20;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) Once();
        var ms = watch.Elapsed.TotalMilliseconds / runs;
        output.WriteLine($"AugTransforms on 128x1x32x32: {ms:F2} ms per batch ({get_num_threads()} thread(s))");
        Assert.True(ms < 100, $"{ms:F1} ms per batch");
    }
}
