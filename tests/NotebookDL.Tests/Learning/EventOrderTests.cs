using NotebookDL.Learning;
using static NotebookDL.Learning.TrainEvent;
using static NotebookDL.Tests.Learning.LearningFixtures;

namespace NotebookDL.Tests.Learning;

public class EventOrderTests
{
    // 4 training items in batches of 2 and 2 validation items in one batch.
    private static Learner Tiny(ICallback cb)
    {
        var (xt, yt) = Points(4, 1);
        var (xv, yv) = Points(2, 2);
        var dls = NotebookDL.Data.DataLoaders.FromTensors(xt, yt, xv, yv, bs: 2);
        return MakeLearner(cbs: [cb], dls: dls);
    }

    private static readonly TrainEvent[] TrainBatch =
        [BeforeBatch, AfterPred, AfterLoss, BeforeBackward, AfterBackward, BeforeStep, AfterStep, AfterBatch];

    private static readonly TrainEvent[] ValidBatch = [BeforeBatch, AfterPred, AfterLoss, AfterBatch];

    [Fact]
    public void Fit_fires_the_events_in_fastai_order()
    {
        var log = new EventLog();
        Tiny(log).Fit(1);
        TrainEvent[] expected =
        [
            BeforeFit, BeforeEpoch, BeforeTrain, .. TrainBatch, .. TrainBatch, AfterTrain,
            BeforeValidate, .. ValidBatch, AfterValidate, AfterEpoch, AfterFit,
        ];
        Assert.Equal(expected, log.Events);
    }

    [Fact]
    public void CancelBatch_skips_the_rest_of_that_batch_only()
    {
        var log = new EventLog(AfterLoss, () => new CancelBatchException(), times: 1);
        Tiny(log).Fit(1);
        TrainEvent[] expected =
        [
            BeforeFit, BeforeEpoch, BeforeTrain,
            BeforeBatch, AfterPred, AfterLoss, AfterCancelBatch, AfterBatch,
            .. TrainBatch, AfterTrain, BeforeValidate, .. ValidBatch, AfterValidate, AfterEpoch, AfterFit,
        ];
        Assert.Equal(expected, log.Events);
    }

    [Fact]
    public void CancelStep_and_CancelBackward_skip_only_their_part()
    {
        var step = new EventLog(BeforeStep, () => new CancelStepException(), times: 1);
        Tiny(step).Fit(1);
        Assert.Equal([BeforeStep, AfterCancelStep, AfterStep, AfterBatch], step.Events.Skip(8).Take(4));

        var backward = new EventLog(BeforeBackward, () => new CancelBackwardException(), times: 1);
        Tiny(backward).Fit(1);
        Assert.Equal([BeforeBackward, AfterCancelBackward, AfterBackward, BeforeStep], backward.Events.Skip(6).Take(4));
    }

    [Fact]
    public void CancelTrain_ends_training_but_validation_still_runs()
    {
        var log = new EventLog(BeforeBatch, () => new CancelTrainException(), times: 1);
        Tiny(log).Fit(1);
        TrainEvent[] expected =
        [
            BeforeFit, BeforeEpoch, BeforeTrain, BeforeBatch, AfterCancelTrain, AfterTrain,
            BeforeValidate, .. ValidBatch, AfterValidate, AfterEpoch, AfterFit,
        ];
        Assert.Equal(expected, log.Events);
    }

    [Fact]
    public void CancelValid_ends_validation_and_the_epoch_finishes()
    {
        var log = new EventLog(BeforeValidate, () => new CancelValidException());
        var learn = Tiny(log);
        learn.Fit(1);
        Assert.Equal([BeforeValidate, AfterCancelValidate, AfterValidate, AfterEpoch, AfterFit], log.Events.TakeLast(5));
        Assert.True(double.IsNaN(learn.Recorder.Values[0][1]), "no valid loss when validation was cancelled");
        Assert.False(double.IsNaN(learn.Recorder.Values[0][0]));
    }

    [Fact]
    public void CancelEpoch_moves_on_to_the_next_epoch()
    {
        var log = new EventLog(BeforeTrain, () => new CancelEpochException());
        Tiny(log).Fit(2);
        TrainEvent[] expected =
        [
            BeforeFit,
            BeforeEpoch, BeforeTrain, AfterCancelEpoch, AfterEpoch,
            BeforeEpoch, BeforeTrain, AfterCancelEpoch, AfterEpoch,
            AfterFit,
        ];
        Assert.Equal(expected, log.Events);
    }

    [Fact]
    public void CancelFit_stops_everything_but_AfterFit_runs()
    {
        var log = new EventLog(AfterEpoch, () => new CancelFitException());
        var learn = Tiny(log);
        learn.Fit(5);
        Assert.Equal([AfterEpoch, AfterCancelFit, AfterFit], log.Events.TakeLast(3));
        Assert.Single(log.Events, e => e == BeforeEpoch);
        Assert.Single(learn.Recorder.Values);
    }

    [Fact]
    public void A_failing_callback_is_rethrown_naming_itself_and_the_event()
    {
        var e = Assert.Throws<CallbackException>(() => Tiny(new EventLog(AfterPred, () => new InvalidOperationException("boom"))).Fit(1));
        Assert.Contains("EventLog", e.Message);
        Assert.Contains("AfterPred", e.Message);
        Assert.Contains("boom", e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal(AfterPred, e.Event);
    }

    [Fact]
    public void A_failure_during_validation_does_not_leave_grad_disabled()
    {
        var learn = Tiny(new FailsInValidation());
        var e = Assert.Throws<CallbackException>(() => learn.Fit(1));
        Assert.Contains("FailsInValidation", e.Message);
        Assert.Equal(AfterBatch, e.Event);
        Assert.True(is_grad_enabled(), "validation's no_grad must be undone");
    }

    private sealed class FailsInValidation : Callback
    {
        public override void AfterBatch()
        {
            if (!Learn.Training) throw new InvalidOperationException("in validation");
        }
    }
}
