namespace NotebookDL.Learning;

/// <summary>
/// The points of the training loop at which callbacks run, in the order <see cref="Learner.Fit(int, LrSpec?, double?, IEnumerable{ICallback}?, bool)"/>
/// fires them. Every "Before" X is always followed by its "After" X, even when X is cancelled (then AfterCancel X fires in between).
/// </summary>
public enum TrainEvent
{
    BeforeFit,
    BeforeEpoch,
    BeforeTrain,
    BeforeBatch,
    AfterPred,
    AfterLoss,
    BeforeBackward,
    AfterBackward,
    BeforeStep,
    AfterStep,
    AfterBatch,
    AfterTrain,
    BeforeValidate,
    AfterValidate,
    AfterEpoch,
    AfterFit,
    AfterCancelBackward,
    AfterCancelStep,
    AfterCancelBatch,
    AfterCancelTrain,
    AfterCancelValidate,
    AfterCancelEpoch,
    AfterCancelFit,
}
