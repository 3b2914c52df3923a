namespace NotebookDL.Learning;

/// <summary>
/// Convenience base: one virtual method per <see cref="TrainEvent"/> (all no-ops), and <see cref="Learn"/> for the
/// attached learner. Override only the events you care about.
/// </summary>
public abstract class Callback : ICallback
{
    public virtual int Order => 0;

    public virtual string Name => GetType().Name;

    public Learner? Learner { get; set; }

    /// <summary>The attached learner; throws when the callback is used outside a learner.</summary>
    protected Learner Learn => Learner ?? throw new InvalidOperationException($"{Name} is not attached to a Learner.");

    public void Handle(TrainEvent trainEvent)
    {
        switch (trainEvent)
        {
            case TrainEvent.BeforeFit: BeforeFit(); break;
            case TrainEvent.BeforeEpoch: BeforeEpoch(); break;
            case TrainEvent.BeforeTrain: BeforeTrain(); break;
            case TrainEvent.BeforeBatch: BeforeBatch(); break;
            case TrainEvent.AfterPred: AfterPred(); break;
            case TrainEvent.AfterLoss: AfterLoss(); break;
            case TrainEvent.BeforeBackward: BeforeBackward(); break;
            case TrainEvent.AfterBackward: AfterBackward(); break;
            case TrainEvent.BeforeStep: BeforeStep(); break;
            case TrainEvent.AfterStep: AfterStep(); break;
            case TrainEvent.AfterBatch: AfterBatch(); break;
            case TrainEvent.AfterTrain: AfterTrain(); break;
            case TrainEvent.BeforeValidate: BeforeValidate(); break;
            case TrainEvent.AfterValidate: AfterValidate(); break;
            case TrainEvent.AfterEpoch: AfterEpoch(); break;
            case TrainEvent.AfterFit: AfterFit(); break;
            default: AfterCancel(trainEvent); break;
        }
    }

    public virtual void BeforeFit() { }
    public virtual void BeforeEpoch() { }
    public virtual void BeforeTrain() { }
    public virtual void BeforeBatch() { }
    public virtual void AfterPred() { }
    public virtual void AfterLoss() { }
    public virtual void BeforeBackward() { }
    public virtual void AfterBackward() { }
    public virtual void BeforeStep() { }
    public virtual void AfterStep() { }
    public virtual void AfterBatch() { }
    public virtual void AfterTrain() { }
    public virtual void BeforeValidate() { }
    public virtual void AfterValidate() { }
    public virtual void AfterEpoch() { }
    public virtual void AfterFit() { }

    /// <summary>One of the AfterCancel* events.</summary>
    public virtual void AfterCancel(TrainEvent trainEvent) { }

    public override string ToString() => Name;
}
