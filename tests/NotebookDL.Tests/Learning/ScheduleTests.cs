using NotebookDL.Learning;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

public class ScheduleTests
{
    [Fact]
    public void Defaults_are_fastais()
    {
        var oneCycle = OneCycleOptions.Default;
        Assert.Equal((25.0, 1e5, 0.25), (oneCycle.Div, oneCycle.DivFinal, oneCycle.PctStart));
        Assert.Equal((0.95, 0.85, 0.95), oneCycle.Moms);
        var fineTune = FineTuneOptions.Default;
        Assert.Equal((2e-3, 1, 100.0, 0.3, 5.0, 0.99),
            (fineTune.BaseLr, fineTune.FreezeEpochs, fineTune.LrMult, fineTune.PctStart, fineTune.Div, fineTune.FreezePctStart));
        var find = LrFindOptions.Default;
        Assert.Equal((1e-7, 10.0, 100, true, 4.0), (find.StartLr, find.EndLr, find.NumIt, find.StopDiv, find.DivergenceFactor));
        Assert.Equal((0.75, 1e5), (FlatCosOptions.Default.PctStart, FlatCosOptions.Default.DivFinal));
        Assert.Equal(2.0, SgdrOptions.Default.CycleMult);
        var learner = LearnerDefaults.Values;
        Assert.Equal((1e-3, 0.01, true, 0.98), (learner.Lr, learner.Wd, learner.TrainBn, learner.SmoothBeta));
        Assert.Equal(((0.9, 0.99), 1e-5), (learner.AdamBetas, learner.AdamEps));
    }

    [Fact]
    public void Learner_applies_decoupled_weight_decay_001_with_AdamW()
    {
        var learn = MakeLearner();
        learn.Fit(1);
        var group = learn.Opt!.param_groups[0];
        Assert.IsType<AdamWOptimizer>(learn.Opt);
        Assert.Equal(0.01, group.weight_decay);
        Assert.True(((NotebookDL.Optim.AdamOptions)group.options).decoupled_weight_decay);
    }

    [Fact]
    public void FitOneCycle_records_the_schedule_functions_values()
    {
        var learn = MakeLearner();
        const double lrMax = 1e-2;
        learn.FitOneCycle(3, lrMax);
        var lrs = learn.Recorder.Lrs;
        var moms = learn.Recorder.Moms;
        var total = lrs.Count;
        Assert.Equal(3 * learn.Dls.Train.Count, total);
        var lrSched = Sched.OneCycleLr(lrMax);
        var momSched = Sched.OneCycleMom();
        for (var i = 0; i < total; i++)
        {
            Assert.Equal(lrSched((double)i / total), lrs[i], 12);
            Assert.Equal(momSched((double)i / total), moms[i], 12);
        }
        Assert.Equal(lrMax / 25, lrs[0], 12);
        Assert.Equal(0.95, moms[0], 12);
        var peak = lrs.IndexOf(lrs.Max());
        Assert.InRange((double)peak / total, 0.22, 0.28);
        Assert.Equal(0.85, moms[peak], 3);
        // The last batch is one step short of pct 1; the schedule itself ends at lrMax/divFinal.
        Assert.Equal(lrMax / 1e5, lrSched(1.0), 12);
        Assert.True(lrs[^1] < lrMax / 100);
    }

    [Fact]
    public void FitSgdr_and_FitFlatCos_follow_their_schedules()
    {
        var learn = MakeLearner();
        learn.FitSgdr(2, 1, 1e-2, cycleMult: 2); // 1 + 2 = 3 epochs
        Assert.Equal(3, learn.Recorder.Values.Count);
        var n = learn.Recorder.Lrs.Count;
        var perEpoch = learn.Dls.Train.Count;
        Assert.Equal(1e-2, learn.Recorder.Lrs[0], 12);
        Assert.Equal(1e-2, learn.Recorder.Lrs[perEpoch], 12); // restart after the first 1-epoch cycle
        Assert.True(learn.Recorder.Lrs[perEpoch - 1] < 1e-3);

        learn.FitFlatCos(4, 1e-3);
        var lrs = learn.Recorder.Lrs;
        Assert.All(lrs.Take(lrs.Count * 3 / 4), lr => Assert.Equal(1e-3, lr, 12));
        Assert.True(lrs[^1] < 1e-4);
    }

    [Fact]
    public void ParamScheduler_sets_every_group_from_per_group_schedules()
    {
        var model = Mlp();
        var learn = MakeLearner(model: model, splitter: Splitters.ByModules(m => [[model.At(0)], [model.At(2)]]));
        var scheduler = new ParamScheduler(new Dictionary<Hyper, Func<double, double>[]>
        {
            [Hyper.Lr] = [_ => 1e-4, pct => 1e-2 * (1 - pct)],
        });
        learn.Fit(1, cbs: [scheduler]);
        Assert.Equal(1e-4, learn.Opt!.param_groups[0].lr);
        Assert.Equal(scheduler.Hps[Hyper.Lr], learn.Recorder.Lrs);
        Assert.Equal(1e-2, scheduler.Hps[Hyper.Lr][0], 12);
        Assert.DoesNotContain(scheduler, learn.Cbs); // fit-only callbacks are removed afterwards
    }
}
