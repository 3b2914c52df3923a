using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;
using static NotebookDL.Vision.Augment.Augmentations;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>Without a seed of their own, the augmentations draw from torch's global generator, as in PyTorch.</summary>
[Collection(nameof(GlobalTorchGeneratorCollection))]
public class UnseededAugTransformsTests
{
    [Fact]
    public void Unseeded_augmentations_follow_torch_manual_seed()
    {
        using var x = RandomImages(16, 1, 10, 10, seed: 14);
        var y = Labels(16);
        manual_seed(7);
        using var u1 = Run(AugTransforms(), x, y);
        manual_seed(7);
        using var u2 = Run(AugTransforms(), x, y);
        using var u3 = Run(AugTransforms(), x, y);   // the global stream moved on
        Assert.Equal(0f, MaxAbsDiff(u1, u2));
        Assert.True(MaxAbsDiff(u2, u3) > 1e-3f);
    }
}
