
namespace NotebookDL.Learning;

/// <summary>
/// Keeps the loop's counters (<see cref="Learner.TrainIter"/>, <see cref="Learner.PctTrain"/>, <see cref="Learner.Training"/>)
/// and switches the model between train mode and eval mode + no_grad for validation. Runs first (Order -10) so that
/// every other callback sees up-to-date counters.
/// </summary>
public sealed class TrainEvalCallback : Callback
{
    private IDisposable? _noGrad;

    public override int Order => -10;

    public override void BeforeFit()
    {
        Learn.Epoch = 0;
        Learn.TrainIter = 0;
        Learn.PctTrain = 0;
    }

    public override void BeforeTrain()
    {
        Learn.PctTrain = Learn.NEpoch == 0 ? 0 : (double)Learn.Epoch / Learn.NEpoch;
        Learn.Model.train();
        Learn.Training = true;
    }

    public override void AfterBatch()
    {
        if (!Learn.Training) return;
        var batches = Learn.NIter * Learn.NEpoch;
        if (batches > 0) Learn.PctTrain += 1.0 / batches;
        Learn.TrainIter++;
    }

    public override void BeforeValidate()
    {
        Learn.Model.eval();
        Learn.Training = false;
        _noGrad = torch.no_grad();
    }

    public override void AfterValidate()
    {
        _noGrad?.Dispose();
        _noGrad = null;
    }
}
