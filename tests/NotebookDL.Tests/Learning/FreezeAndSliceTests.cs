using NotebookDL.Learning;
using static NotebookDL.Learning.Lr;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

public class FreezeAndSliceTests
{
    [Fact]
    public void Slice_spreads_learning_rates_like_fastai()
    {
        var spread = Slice(1e-5, 1e-3).ForGroups(3);
        Assert.Equal(1e-5, spread[0], 15);
        Assert.Equal(1e-4, spread[1], 15);
        Assert.Equal(1e-3, spread[2], 15);
        Assert.Equal([1e-4, 1e-4, 1e-3], Slice(1e-3).ForGroups(3));
        Assert.Equal([3e-3, 3e-3], ((LrSpec)3e-3).ForGroups(2));
        Assert.Equal([1e-3], Slice(1e-5, 1e-3).ForGroups(1));
    }

    private static (Learner learn, Sequential model) ThreeGroups()
    {
        // Groups: [Linear(2,16)], [BatchNorm1d, ReLU], [Linear(16,2)].
        var model = Mlp(batchNorm: true);
        var learn = MakeLearner(model: model, splitter: Splitters.ByModules(m => [[model.At(0)], [model.At(1), model.At(2)], [model.At(3)]]));
        return (learn, model);
    }

    [Fact]
    public void Each_layer_group_becomes_a_param_group_with_its_own_lr()
    {
        var (learn, _) = ThreeGroups();
        learn.Fit(1, Slice(1e-5, 1e-3));
        Assert.Equal(3, learn.Opt!.param_groups.Count);
        Assert.Equal(1e-4, learn.Opt.param_groups[1].lr, 15);
        Assert.Equal(1e-3, learn.Recorder.Lrs[0], 15); // the Recorder reports the last group
    }

    [Fact]
    public void Freeze_trains_only_the_last_group_and_batchnorm()
    {
        var (learn, model) = ThreeGroups();
        learn.Freeze();
        Assert.All(model.At(0).parameters(), p => Assert.False(p.requires_grad));
        Assert.All(model.At(1).parameters(), p => Assert.True(p.requires_grad)); // BatchNorm stays trainable
        Assert.All(model.At(3).parameters(), p => Assert.True(p.requires_grad));

        var frozenBefore = model.At(0).parameters().Select(p => p.ToArray<float>()).ToList();
        var headBefore = model.At(3).parameters().First().ToArray<float>();
        learn.Fit(1, 1e-2);
        Assert.Equal(frozenBefore, model.At(0).parameters().Select(p => p.ToArray<float>()).ToList());
        Assert.NotEqual(headBefore, model.At(3).parameters().First().ToArray<float>());

        learn.FreezeTo(1);
        Assert.All(model.At(0).parameters(), p => Assert.False(p.requires_grad));
        learn.Unfreeze();
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void Freeze_without_trainBn_freezes_batchnorm_too()
    {
        var model = Mlp(batchNorm: true);
        var learn = new Learner(Separable(), model, LossFunction.CrossEntropy, trainBn: false, progress: false,
            splitter: Splitters.ByModules(m => [[model.At(0), model.At(1)], [model.At(3)]]));
        learn.Freeze();
        Assert.All(model.At(1).parameters(), p => Assert.False(p.requires_grad));
    }

    [Fact]
    public void FineTune_trains_frozen_then_unfrozen_with_discriminative_rates()
    {
        var (learn, model) = ThreeGroups();
        learn.FineTune(1, baseLr: 1e-2, freezeEpochs: 1);
        Assert.Single(learn.Recorder.Values); // the Recorder holds the last fit: the 1 unfrozen epoch
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
        // Second phase: slice(base/2/100, base/2) with div 5 -> first recorded lr is (1e-2/2)/5 for the last group.
        Assert.Equal(1e-2 / 2 / 5, learn.Recorder.Lrs[0], 12);
        var groups = learn.Opt!.param_groups;
        Assert.True(groups[0].lr < groups[2].lr / 50, "the first group trains ~100x slower than the head");
    }
}
